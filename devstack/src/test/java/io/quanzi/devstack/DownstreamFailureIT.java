package io.quanzi.devstack;

import static io.quanzi.devstack.GatewayApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a caller sees when a service behind the gateway is down or hangs. */
@ExtendWith(RunningStack.class)
class DownstreamFailureIT {

    private static Stack stack;
    private static Keycloak keycloak;
    private final Http http = Http.api();

    @BeforeAll
    static void connect() {
        stack = RunningStack.stack();
        keycloak = new Keycloak(stack);
    }

    @Test
    void stoppedServiceGets503ProblemQuickly() throws Exception {
        String token = keycloak.userToken("alice");
        stack.stopApp("offer-service");
        try {
            long started = System.nanoTime();
            Http.Reply reply = http.get(stack.gatewayUrl() + "/api/points/me", "Authorization", "Bearer " + token);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertProblem(reply, 503, "urn:quanzi:problem:service-unavailable");
            assertThat(reply.json().get("service").asString()).isEqualTo("offer-service");
            assertThat(reply.header("Retry-After")).isEqualTo("5");
            assertThat(took).isLessThan(Duration.ofSeconds(3));
        } finally {
            stack.restartApp("offer-service");
        }
    }

    @Test
    void hangingServiceGets503ProblemWithinTheTimeLimit() throws Exception {
        String token = keycloak.userToken("alice");
        long pid = stack.pid("community-service");
        signal("STOP", pid);
        try {
            long started = System.nanoTime();
            Http.Reply reply = http.get(stack.gatewayUrl() + "/api/communities", "Authorization", "Bearer " + token);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertProblem(reply, 503, "urn:quanzi:problem:service-unavailable");
            assertThat(reply.json().get("service").asString()).isEqualTo("community-service");
            // The route's time limit is 5 s: the caller waits that long, not the 10 s HTTP timeout.
            assertThat(took).isBetween(Duration.ofMillis(4_500), Duration.ofMillis(8_000));
        } finally {
            signal("CONT", pid);
        }
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start();
        assertThat(kill.waitFor()).isZero();
    }
}
