package io.quanzi.devstack;

import static io.quanzi.devstack.GatewayApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a caller sees when a service behind the gateway is down or hangs. */
@ExtendWith(RunningStack.class)
class DownstreamFailureIT {

    private final Stack stack = RunningStack.stack();
    private final Keycloak keycloak = new Keycloak(stack);
    private final Api gateway = new Api(stack.gatewayUrl());

    @Test
    void stoppedServiceGets503ProblemQuickly() throws Exception {
        String token = keycloak.userToken("alice");
        stack.stopApp("offer-service");
        try {
            long started = System.nanoTime();
            Http.Reply reply = gateway.get("/api/points/me", token);
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
            Http.Reply reply = gateway.get("/api/communities", token);
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
