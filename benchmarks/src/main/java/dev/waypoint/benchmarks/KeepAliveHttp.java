package dev.waypoint.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The load generator's HTTP/1.1 client: one keep-alive connection per worker thread, blocking I/O, requests
 * written in one piece and answers read as RFC 9112 frames them (Content-Length or chunked). It exists because
 * the JDK's {@code HttpClient}, with its selector thread and futures, took a third of the two cores the server
 * is measured on; this one costs a few tens of microseconds a request. Enough HTTP for a benchmark against our
 * own server, not a general client: no TLS, redirects, proxies or 100-continue.
 */
public final class KeepAliveHttp {

    /** An answer: status, headers by lower-case name, body as text. */
    public record Answer(int status, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }

        public List<String> all(String name) {
            return headers.getOrDefault(name, List.of());
        }
    }

    private final String host;
    private final int port;
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();

    public KeepAliveHttp(String base) {
        URI uri = URI.create(base);
        this.host = uri.getHost();
        this.port = uri.getPort();
    }

    public Answer send(String method, String path, Map<String, String> headers, String body) throws IOException {
        Connection connection = connections.get();
        if (connection == null) {
            connection = new Connection(new Socket(host, port));
            connections.set(connection);
        }
        try {
            Answer answer = connection.exchange(request(method, path, headers, body));
            if ("close".equalsIgnoreCase(answer.header("connection"))) {
                connection.close();
                connections.remove();
            }
            return answer;
        } catch (IOException e) {
            connection.close();
            connections.remove();
            throw e;
        }
    }

    /** Closes the calling thread's connection, if it has one: for worker threads about to end. */
    public void closeConnection() {
        Connection connection = connections.get();
        if (connection != null) {
            connection.close();
            connections.remove();
        }
    }

    private byte[] request(String method, String path, Map<String, String> headers, String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        byte[] start = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] whole = new byte[start.length + content.length];
        System.arraycopy(start, 0, whole, 0, start.length);
        System.arraycopy(content, 0, whole, start.length, content.length);
        return whole;
    }

    private static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            socket.setTcpNoDelay(true);
            this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            this.out = socket.getOutputStream();
        }

        Answer exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
                throw new IOException("not an HTTP/1.1 status line: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                headers.computeIfAbsent(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(header.substring(colon + 1).trim());
            }
            byte[] body;
            List<String> encoding = headers.get("transfer-encoding");
            List<String> length = headers.get("content-length");
            if (encoding != null && encoding.get(0).toLowerCase(Locale.ROOT).contains("chunked")) {
                body = chunked();
            } else if (length != null) {
                body = in.readNBytes(Integer.parseInt(length.get(0)));
            } else if (status == 204 || status == 304 || status / 100 == 1) {
                body = new byte[0];
            } else {
                body = in.readAllBytes();   // framed by closing the connection
                headers.put("connection", List.of("close"));
            }
            return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
        }

        private byte[] chunked() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String size = line();
                int extension = size.indexOf(';');
                int chunk = Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
                if (chunk == 0) {
                    while (!line().isEmpty()) {
                        // trailer fields: none expected, skipped
                    }
                    return body.toByteArray();
                }
                body.write(in.readNBytes(chunk));
                line();
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("connection closed mid-answer");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }
}
