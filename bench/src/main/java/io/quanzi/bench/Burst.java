package io.quanzi.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One open-model round: {@code calls.size()} virtual users arrive evenly over the window (Gatling's
 * {@code rampUsers(n).during(window)}: arrivals do not wait for answers), each makes one call and leaves. The harness
 * sets {@link #round} before it starts Gatling; each call's start, end and status go to the round's {@link Samples}.
 */
public final class Burst extends Simulation {

    /** One call: {@code kind} is {@code get}, {@code post} (JSON body) or {@code claim} (Idempotency-Key, no body). */
    record Call(String kind, String url, String token, String body, String key) {
        Map<String, Object> asRecord() {
            return Map.of(
                    "kind", kind,
                    "url", url,
                    "auth", token == null ? "" : "Bearer " + token,
                    "body", body == null ? "" : body,
                    "key", key == null ? "" : key);
        }
    }

    record Round(String name, List<Call> calls, Duration window, Samples samples) {}

    static volatile Round round;

    public Burst() {
        Round current = round;
        HttpProtocolBuilder protocol = http.shareConnections()
                .disableCaching()
                .disableWarmUp()
                .acceptHeader("application/json")
                .userAgentHeader("quanzi-bench");
        ChainBuilder timed = io.gatling.javaapi.core.CoreDsl.exec(session -> session.set("t0", System.nanoTime()))
                .doSwitch("#{kind}")
                .on(
                        io.gatling.javaapi.core.CoreDsl.onCase("get")
                                .then(io.gatling.javaapi.core.CoreDsl.doIfOrElse(session ->
                                                !session.getString("auth").isEmpty())
                                        .then(io.gatling.javaapi.core.CoreDsl.exec(http("get")
                                                .get("#{url}")
                                                .header("Authorization", "#{auth}")
                                                .check(status().saveAs("status"))))
                                        .orElse(io.gatling.javaapi.core.CoreDsl.exec(
                                                http("get public").get("#{url}").check(status().saveAs("status"))))),
                        io.gatling.javaapi.core.CoreDsl.onCase("post")
                                .then(io.gatling.javaapi.core.CoreDsl.exec(http("post")
                                        .post("#{url}")
                                        .header("Authorization", "#{auth}")
                                        .header("Content-Type", "application/json")
                                        .body(StringBody("#{body}"))
                                        .check(status().saveAs("status")))),
                        io.gatling.javaapi.core.CoreDsl.onCase("claim")
                                .then(io.gatling.javaapi.core.CoreDsl.exec(http("claim")
                                        .post("#{url}")
                                        .header("Authorization", "#{auth}")
                                        .header("Idempotency-Key", "#{key}")
                                        .check(status().saveAs("status")))))
                .exec(session -> {
                    long end = System.nanoTime();
                    current.samples().record(session.getLong("t0"), end, statusOf(session));
                    return session;
                });
        List<Map<String, Object>> records =
                current.calls().stream().map(Call::asRecord).toList();
        ScenarioBuilder scenario =
                scenario(current.name()).feed(listFeeder(records)).exec(timed);
        setUp(scenario.injectOpen(rampUsers(records.size()).during(current.window())))
                .protocols(protocol);
    }

    private static int statusOf(Session session) {
        return session.contains("status") ? session.getInt("status") : -1;
    }
}
