package io.quanzi.devstack;

import static io.quanzi.devstack.GatewayApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    @Test
    void slowServiceOpensTheCircuitWhichClosesAgainAfterRecovery() throws Exception {
        String token = keycloak.userToken("alice");
        assertThat(gateway.get("/api/communities?brandId=demo-brand", token).status())
                .isEqualTo(200);
        long pid = stack.pid("community-service");
        signal("STOP", pid);
        try {
            // More calls than the breaker's minimum (10) at once, each ended by the 5 s time limit: the window fills
            // with failures and the circuit opens.
            ExecutorService callers = Executors.newFixedThreadPool(12);
            try {
                List<Future<Http.Reply>> slow = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    slow.add(callers.submit(() -> gateway.get("/api/communities?brandId=demo-brand", token)));
                }
                for (Future<Http.Reply> reply : slow) {
                    assertProblem(reply.get(), 503, "urn:quanzi:problem:service-unavailable");
                }
            } finally {
                callers.shutdownNow();
            }
            long started = System.nanoTime();
            Http.Reply open = gateway.get("/api/communities?brandId=demo-brand", token);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertProblem(open, 503, "urn:quanzi:problem:service-unavailable");
            assertThat(took)
                    .as("an open circuit answers at once, without waiting out the time limit")
                    .isLessThan(Duration.ofSeconds(2));
        } finally {
            signal("CONT", pid);
        }
        // After the open state (10 s) the breaker lets trial calls through; they succeed and it closes.
        Instant deadline = Instant.now().plusSeconds(40);
        int status = 0;
        while (Instant.now().isBefore(deadline) && status != 200) {
            Thread.sleep(1000);
            status = gateway.get("/api/communities?brandId=demo-brand", token).status();
        }
        assertThat(status).as("the circuit closed again after recovery").isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(gateway.get("/api/communities?brandId=demo-brand", token).status())
                    .isEqualTo(200);
        }
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start();
        assertThat(kill.waitFor()).isZero();
    }
}
