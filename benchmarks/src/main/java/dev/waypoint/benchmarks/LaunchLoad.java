package dev.waypoint.benchmarks;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load generator for whole LTI launches over loopback against a running Waypoint: serves a platform
 * JWKS itself, registers that platform through the admin API, then each worker does login initiation →
 * signs an id_token with the issued nonce → {@code POST /lti/launch}, and the launch POST alone is timed
 * (JWKS cached after the first launch). Signing runs in this process and takes CPU from the same cores.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.waypoint.benchmarks.LaunchLoad
 * http://localhost:18080 <admin-token> <workers> <seconds>}
 */
public final class LaunchLoad {

    private LaunchLoad() {
    }

    public static void main(String[] args) throws Exception {
        String tool = args[0];
        String adminToken = args[1];
        int workers = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        RSAKey key = new RSAKeyGenerator(2048).keyID("load-1").algorithm(JWSAlgorithm.RS256).generate();
        HttpServer jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] set = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/certs", exchange -> {
            exchange.sendResponseHeaders(200, set.length);
            exchange.getResponseBody().write(set);
            exchange.close();
        });
        jwks.start();
        String issuer = "http://127.0.0.1:" + jwks.getAddress().getPort();
        String clientId = "load-" + UUID.randomUUID().toString().substring(0, 8);
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> registered = http.send(HttpRequest.newBuilder(URI.create(tool + "/api/v1/lti/registrations"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"issuer":"%s","clientId":"%s","authorizationEndpoint":"%s/auth","tokenEndpoint":"%s/token",
                         "jwksUri":"%s/certs","deploymentIds":["1"]}""".formatted(issuer, clientId, issuer, issuer, issuer)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (registered.statusCode() != 201) {
            throw new IllegalStateException("registration refused: " + registered.body());
        }
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            Thread thread = new Thread(() -> {
                int n = 0;
                while (System.nanoTime() < end) {
                    try {
                        long took = launch(http, tool, issuer, clientId, key, "user-" + worker + "-" + (n++ % 50));
                        if (took < 0) {
                            failures.incrementAndGet();
                        } else {
                            latencies.add(took);
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        jwks.stop(0);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("workers %d, %d s: %d launches ok, %d failed, %.0f launches/s%n", workers, seconds,
                sorted.size(), failures.get(), sorted.size() / (double) seconds);
        if (!sorted.isEmpty()) {
            System.out.printf("launch POST latency ms: p50 %.1f, p90 %.1f, p99 %.1f, max %.1f%n",
                    pct(sorted, 0.50), pct(sorted, 0.90), pct(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
        }
    }

    private static long launch(HttpClient http, String tool, String issuer, String clientId, RSAKey key, String sub)
            throws Exception {
        String form = "iss=" + enc(issuer) + "&login_hint=" + enc(sub) + "&target_link_uri=" + enc(tool + "/lti/launch")
                + "&client_id=" + enc(clientId) + "&lti_deployment_id=1";
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(tool + "/lti/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        String location = login.headers().firstValue("Location").orElseThrow();
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        Map<String, String> query = new HashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(clientId).subject(sub)
                .claim("nonce", query.get("nonce")).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(60)))
                .claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", "1")
                .claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiResourceLinkRequest")
                .claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.3.0")
                .claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", tool + "/lti/launch")
                .claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", "1"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/context", Map.of("id", "2", "title", "SQL Fundamentals"))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        String body = "id_token=" + enc(jwt.serialize()) + "&state=" + enc(query.get("state"));
        long start = System.nanoTime();
        HttpResponse<String> launch = http.send(HttpRequest.newBuilder(URI.create(tool + "/lti/launch"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - start;
        return launch.statusCode() == 200 ? took : -1;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size()))) / 1e6;
    }
}
