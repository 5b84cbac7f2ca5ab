package dev.waypoint.benchmarks;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.waypoint.core.lti.LaunchMessage;
import dev.waypoint.core.lti.LaunchValidator;
import dev.waypoint.core.lti.LoginState;
import dev.waypoint.core.lti.LoginStateStore;
import dev.waypoint.core.lti.Registration;
import dev.waypoint.core.lti.RegistrationRepository;
import dev.waypoint.core.lti.ToolEndpoints;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * LTI launch validation as {@code POST /lti/launch} runs it: parse, RS256 signature against the
 * platform's cached key set, iss/aud/azp, exp/iat, state and nonce, the LTI claims of the recorded
 * Moodle 4.5 launch. Two threads, as on a 2-core host. Tokens are signed in setup (signing is the
 * platform's cost, not ours); the state store is in memory and re-arms each state, so the database's
 * single-use UPDATE is not in these figures.
 */
@State(Scope.Benchmark)
@Fork(1)
@Threads(2)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class LaunchValidationBenchmark {

    private static final int TOKENS = 512;
    private static final String ISSUER = "https://moodle.example.com";
    private static final String CLIENT = "QXpEzIXegjVoIBb";
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private final AtomicInteger next = new AtomicInteger();
    private String[] tokens;
    private String[] states;
    private LaunchValidator validator;

    @Setup
    public void setUp() throws Exception {
        RSAKey platformKey = new RSAKeyGenerator(2048).keyID("platform-1").algorithm(JWSAlgorithm.RS256).generate();
        Registration registration = new Registration("reg-1", "default", ISSUER, CLIENT, ISSUER + "/mod/lti/auth.php",
                ISSUER + "/mod/lti/token.php", ISSUER + "/mod/lti/certs.php", true, NOW);
        ToolEndpoints tool = new ToolEndpoints("https://waypoint.example.com");
        Map<String, LoginState> issued = new ConcurrentHashMap<>();
        tokens = new String[TOKENS];
        states = new String[TOKENS];
        for (int i = 0; i < TOKENS; i++) {
            states[i] = "state-" + i;
            String nonce = "nonce-" + i;
            issued.put(states[i], new LoginState(states[i], nonce, registration.id(), tool.launchUrl(), NOW.plusSeconds(600)));
            tokens[i] = sign(platformKey, claims(nonce, tool.launchUrl(), i));
        }
        LoginStateStore store = new LoginStateStore() {
            @Override
            public void save(LoginState state) {
                issued.put(state.state(), state);
            }

            @Override
            public Taken take(String state, Instant now) {
                LoginState found = issued.get(state);
                return found == null ? new Taken(Outcome.UNKNOWN, null) : new Taken(Outcome.FRESH, found);
            }

            @Override
            public Optional<LoginState> find(String state, Instant now) {
                return Optional.ofNullable(issued.get(state));
            }

            @Override
            public int purge(Instant before) {
                return 0;
            }
        };
        validator = new LaunchValidator(new OneRegistration(registration), store,
                r -> new ImmutableJWKSet<>(new JWKSet(platformKey.toPublicJWK())), tool,
                Clock.fixed(NOW.plusSeconds(2), ZoneOffset.UTC), Duration.ofSeconds(60));
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public LaunchMessage launchesPerSecond() {
        return validateNext();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public LaunchMessage latency() {
        return validateNext();
    }

    private LaunchMessage validateNext() {
        int i = Math.floorMod(next.getAndIncrement(), TOKENS);
        return validator.validate(tokens[i], states[i], states[i]);
    }

    private static JWTClaimsSet claims(String nonce, String launchUrl, int i) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(CLIENT).subject(String.valueOf(3 + i)).claim("nonce", nonce)
                .issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(60)))
                .claim("name", "Alice Anderson").claim("email", "alice@example.com")
                .claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", "1")
                .claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiResourceLinkRequest")
                .claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.3.0")
                .claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", launchUrl)
                .claim("https://purl.imsglobal.org/spec/lti/claim/roles",
                        List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link",
                        Map.of("id", "1", "title", "Career readiness check (LTI 1.3)"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/context",
                        Map.of("id", "2", "label", "SQLF101", "title", "SQL Fundamentals", "type", List.of("CourseSection")))
                .claim("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", Map.of(
                        "scope", List.of("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
                                "https://purl.imsglobal.org/spec/lti-ags/scope/score"),
                        "lineitems", ISSUER + "/mod/lti/services.php/2/lineitems?type_id=1"))
                .claim("https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice", Map.of(
                        "context_memberships_url", ISSUER + "/mod/lti/services.php/CourseSection/2/bindings/1/memberships",
                        "service_versions", List.of("1.0", "2.0")))
                .build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** A registration repository holding one platform; deployments are known. */
    private record OneRegistration(Registration registration) implements RegistrationRepository {
        @Override
        public Optional<Registration> find(String issuer, String clientId) {
            return Optional.of(registration);
        }

        @Override
        public Optional<Registration> findById(String id) {
            return Optional.of(registration);
        }

        @Override
        public boolean knowsIssuer(String issuer) {
            return true;
        }

        @Override
        public List<Registration> list() {
            return List.of(registration);
        }

        @Override
        public Registration save(Registration r) {
            return r;
        }

        @Override
        public void activate(String registrationId, boolean active) {
        }

        @Override
        public boolean hasDeployment(String registrationId, String deploymentId) {
            return true;
        }

        @Override
        public List<String> deploymentHolders(String issuer, String deploymentId) {
            return List.of(registration.id());
        }

        @Override
        public boolean recordDeployment(String registrationId, String deploymentId) {
            return false;
        }

        @Override
        public List<String> deployments(String registrationId) {
            return List.of("1");
        }
    }
}
