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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Load generator for LTI launches over loopback against a running Waypoint, measuring what the LTI
 * issue asks: launch validation throughput and latency under concurrency with the platform's JWKS
 * cached. Everything that is the platform's or the browser's work happens before the clock starts:
 * the platform (its JWKS served from here) is registered through the admin API, the learners are given
 * a current role and a completed course (so the page a launch answers computes real readiness and a
 * path), each launch's login initiation is done and its id_token signed. Then {@code workers} threads
 * run three timed phases, each over {@code launches} requests: (1) the launches themselves
 * ({@code POST /lti/launch}, cookie and form as a browser sends them; validation, session, and the
 * {@code 303} to the page), (2) the learner page each of those sessions is sent to ({@code GET
 * /lti/learner}), (3) fresh launches with the redirect followed, i.e. what a learner waits for from the
 * platform's auto-posted form to their page. The first launch fetches the JWKS and is not counted. The
 * timed requests go through {@link KeepAliveHttp}, one keep-alive connection per worker, so that the
 * generator, which shares the two cores with the server, takes as little of them as it can.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.waypoint.benchmarks.LaunchLoad
 * http://localhost:18080 <admin-token> <workers> <launches> [<learners>]}
 */
public final class LaunchLoad {

    private static final String LAUNCH_CLAIM = "https://purl.imsglobal.org/spec/lti/claim/";

    private LaunchLoad() {
    }

    /** One launch ready to post: the state cookie the login set and the form the platform's page posts. */
    private record Prepared(String cookie, String form) {
    }

    public static void main(String[] args) throws Exception {
        String tool = args[0];
        String adminToken = args[1];
        int workers = Integer.parseInt(args[2]);
        int launches = Integer.parseInt(args[3]);
        int learners = args.length > 4 ? Integer.parseInt(args[4]) : 200;
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
        Admin admin = new Admin(http, tool, adminToken);
        admin.post("/api/v1/lti/registrations", """
                {"issuer":"%s","clientId":"%s","authorizationEndpoint":"%s/auth","tokenEndpoint":"%s/token",
                 "jwksUri":"%s/certs","deploymentIds":["1"]}""".formatted(issuer, clientId, issuer, issuer, issuer));
        long setup = System.nanoTime();
        parallel(workers, learners, i -> {
            String sub = "user-" + i;
            String identities = """
                    [{"kind":"lti_sub","value":"%s#%s"},{"kind":"email","value":"%s@load.example"}]"""
                    .formatted(issuer, sub, sub);
            admin.post("/api/v1/people", """
                    {"identities":%s,"displayName":"Learner %d","currentRole":"analytics.analyst"}"""
                    .formatted(identities, i));
            admin.post("/api/v1/evidence", """
                    {"identities":%s,"kind":"course_completion","object":"moodle:course:SQLF101",
                     "occurredAt":"2026-03-01T10:00:00Z","externalId":"load-%s"}""".formatted(identities, sub));
        });
        Prepared[] prepared = new Prepared[2 * launches + 1];
        parallel(workers, prepared.length, i -> prepared[i] = prepare(http, tool, issuer, clientId, key,
                "user-" + (i % learners), i % learners));
        System.out.printf("prepared %d learners and %d signed launches in %.1f s%n", learners, prepared.length,
                (System.nanoTime() - setup) / 1e9);

        AtomicReference<String> firstFailure = new AtomicReference<>();
        String[] sessions = new String[launches];
        KeepAliveHttp load = new KeepAliveHttp(tool);
        if (launch(load, prepared[0], firstFailure) == null) {
            throw new IllegalStateException("the first launch failed: " + firstFailure.get());
        }
        timed("launch POST (validate, session, 303)", workers, launches, firstFailure, i -> {
            sessions[i] = launch(load, prepared[i + 1], firstFailure);
            return sessions[i] != null;
        });
        timed("learner page GET", workers, launches, firstFailure,
                i -> sessions[i] != null && page(load, sessions[i], firstFailure));
        timed("launch POST + page GET", workers, launches, firstFailure, i -> {
            String session = launch(load, prepared[launches + 1 + i], firstFailure);
            return session != null && page(load, session, firstFailure);
        });
        jwks.stop(0);
        if (firstFailure.get() != null) {
            System.out.println("first failure: " + firstFailure.get());
        }
    }

    private interface Step {
        boolean run(int index) throws Exception;
    }

    /** Runs one phase of {@code count} requests on {@code workers} threads and prints its rate and latencies. */
    private static void timed(String phase, int workers, int count, AtomicReference<String> firstFailure, Step step)
            throws Exception {
        long[] latencies = new long[count];
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        parallel(workers, count, i -> {
            long began = System.nanoTime();
            boolean ok = step.run(i);
            latencies[i] = ok ? System.nanoTime() - began : -1;
            if (!ok) {
                failures.incrementAndGet();
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] ok = Arrays.stream(latencies).filter(t -> t >= 0).sorted().toArray();
        System.out.printf("%-38s workers %d: %d ok, %d failed in %.2f s: %.0f/s", phase, workers, ok.length,
                failures.get(), seconds, ok.length / seconds);
        if (ok.length > 0) {
            System.out.printf("; ms p50 %.1f, p90 %.1f, p99 %.1f, max %.1f", pct(ok, 0.50), pct(ok, 0.90),
                    pct(ok, 0.99), ok[ok.length - 1] / 1e6);
        }
        System.out.println();
    }

    /** Login initiation as the platform sends it, then the id_token the platform would sign for that nonce. */
    private static Prepared prepare(HttpClient http, String tool, String issuer, String clientId, RSAKey key, String sub,
                                    int learner) throws Exception {
        String form = "iss=" + enc(issuer) + "&login_hint=" + enc(sub) + "&target_link_uri=" + enc(tool + "/lti/launch")
                + "&client_id=" + enc(clientId) + "&lti_deployment_id=1";
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(tool + "/lti/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        String location = login.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("login refused: " + login.statusCode() + " " + login.body()));
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        Map<String, String> query = new HashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        Instant now = Instant.now();
        // Lives long enough for the whole preparation; the tool checks exp against its clock, not a maximum age.
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(clientId).subject(sub)
                .claim("nonce", query.get("nonce")).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(540)))
                .claim("name", "Learner " + learner).claim("email", sub + "@load.example")
                .claim(LAUNCH_CLAIM + "deployment_id", "1")
                .claim(LAUNCH_CLAIM + "message_type", "LtiResourceLinkRequest")
                .claim(LAUNCH_CLAIM + "version", "1.3.0")
                .claim(LAUNCH_CLAIM + "target_link_uri", tool + "/lti/launch")
                .claim(LAUNCH_CLAIM + "roles", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"))
                .claim(LAUNCH_CLAIM + "resource_link", Map.of("id", "1", "title", "My career path"))
                .claim(LAUNCH_CLAIM + "context", Map.of("id", "2", "title", "SQL Fundamentals"))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return new Prepared(cookie, "id_token=" + enc(jwt.serialize()) + "&state=" + enc(query.get("state")));
    }

    /** Posts one prepared launch; the session cookie it opened, or null when it was not sent to the learner page. */
    private static String launch(KeepAliveHttp http, Prepared launch, AtomicReference<String> firstFailure)
            throws Exception {
        KeepAliveHttp.Answer answer = http.send("POST", "/lti/launch", Map.of("Cookie", launch.cookie(),
                "Content-Type", "application/x-www-form-urlencoded"), launch.form());
        String location = String.valueOf(answer.header("location"));
        String session = answer.all("set-cookie").stream().map(c -> c.split(";", 2)[0])
                .filter(c -> c.startsWith("waypoint_lti_session=")).findFirst().orElse(null);
        if (answer.status() != 303 || !location.endsWith("/lti/learner") || session == null) {
            firstFailure.compareAndSet(null, "launch: " + answer.status() + " " + location + " " + answer.body());
            return null;
        }
        return session;
    }

    /** Asks for the learner page with a session cookie; whether it came back with the learner's readiness. */
    private static boolean page(KeepAliveHttp http, String session, AtomicReference<String> firstFailure)
            throws Exception {
        KeepAliveHttp.Answer answer = http.send("GET", "/lti/learner", Map.of("Cookie", session), null);
        if (answer.status() != 200 || !answer.body().contains("Senior")) {
            firstFailure.compareAndSet(null, "page: " + answer.status() + " " + answer.body());
            return false;
        }
        return true;
    }

    private interface Task {
        void run(int index) throws Exception;
    }

    /** Runs {@code task} for 0..count-1 on {@code threads} threads, each taking the next index. */
    private static void parallel(int threads, int count, Task task) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Exception> failed = new AtomicReference<>();
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < count && failed.get() == null; i = next.getAndIncrement()) {
                    try {
                        task.run(i);
                    } catch (Exception e) {
                        failed.compareAndSet(null, e);
                    }
                }
            });
            running.add(thread);
            thread.start();
        }
        for (Thread thread : running) {
            thread.join();
        }
        if (failed.get() != null) {
            throw new IllegalStateException(failed.get());
        }
    }

    /** The admin API calls of the setup. */
    private record Admin(HttpClient http, String tool, String token) {
        void post(String path, String json) throws Exception {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(tool + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException(path + " refused: " + answer.statusCode() + " " + answer.body());
            }
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))] / 1e6;
    }
}
