package io.quanzi.member;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for offer-service (and Keycloak's token endpoint) that follows the BRIEF contract:
 * it records every request and answers with scripted statuses, so tests can make it fail, hang,
 * then recover.
 */
public final class StubOfferService {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static StubOfferService instance;

    public record Call(String method, String path, String authorization, JsonNode body) {}

    private final DisposableServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Queue<Integer>> scriptedStatuses = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile int defaultStatus = 0;
    private volatile String tier = "SILVER";
    private volatile Duration delay = Duration.ZERO;

    private StubOfferService() {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.post(
                                "/token",
                                (request, response) -> response.header("Content-Type", "application/json")
                                        .sendString(
                                                Mono.just(
                                                        "{\"access_token\":\"stub-service-token\",\"token_type\":\"Bearer\",\"expires_in\":300}")))
                        .post("/internal/points/earn", (request, response) -> answer(request, response, 201, "{}"))
                        .post("/internal/facts", (request, response) -> answer(request, response, 204, null))
                        .put(
                                "/internal/brands/{brandId}/stores/{storeId}",
                                (request, response) -> answer(request, response, 204, null))
                        .get(
                                "/internal/points/members/{memberId}",
                                (request, response) -> answer(
                                        request,
                                        response,
                                        200,
                                        "{\"memberId\":\"" + request.param("memberId") + "\",\"balance\":10,\"tier\":\""
                                                + tier + "\"}")))
                .bindNow();
        Runtime.getRuntime().addShutdownHook(new Thread(server::disposeNow));
    }

    public static synchronized StubOfferService get() {
        if (instance == null) {
            instance = new StubOfferService();
        }
        return instance;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Forget calls and scripts: every call succeeds again, immediately. */
    public void reset() {
        calls.clear();
        scriptedStatuses.clear();
        defaultStatus = 0;
        tier = "SILVER";
        delay = Duration.ZERO;
    }

    /**
     * The next calls whose path or body contains {@code match} (a member id, a brand id) answer
     * these statuses, in order; later ones answer normally.
     */
    public void answerNext(String match, Integer... statuses) {
        scriptedStatuses
                .computeIfAbsent(match, key -> new ConcurrentLinkedQueue<>())
                .addAll(List.of(statuses));
    }

    /** Every call answers this status until reset (0 = normal answers). */
    public void answerAlways(int status) {
        defaultStatus = status;
    }

    public void delayAnswers(Duration delay) {
        this.delay = delay;
    }

    public void tier(String tier) {
        this.tier = tier;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String path) {
        return calls.stream().filter(call -> call.path().equals(path)).toList();
    }

    /** Idempotency keys of the earn calls, in the order they arrived. */
    public List<String> earnKeys() {
        return calls("/internal/points/earn").stream()
                .map(call -> call.body().get("idempotencyKey").asString())
                .toList();
    }

    private Mono<Void> answer(HttpServerRequest request, HttpServerResponse response, int okStatus, String okBody) {
        return request.receive().aggregate().asString().defaultIfEmpty("").flatMap(body -> {
            String path = request.fullPath();
            calls.add(new Call(
                    request.method().name(),
                    path,
                    request.requestHeaders().get("Authorization"),
                    body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body)));
            Integer scripted = scriptedStatuses.entrySet().stream()
                    .filter(script -> (path + body).contains(script.getKey()))
                    .map(script -> script.getValue().poll())
                    .filter(java.util.Objects::nonNull)
                    .findFirst()
                    .orElse(null);
            int status = scripted != null ? scripted : defaultStatus != 0 ? defaultStatus : okStatus;
            Mono<Void> send = status >= 300
                    ? response.status(status)
                            .header("Content-Type", "application/problem+json")
                            .sendString(Mono.just("{\"status\":" + status + "}"))
                            .then()
                    : okBody == null
                            ? response.status(status).send()
                            : response.status(status)
                                    .header("Content-Type", "application/json")
                                    .sendString(Mono.just(okBody))
                                    .then();
            return delay.isZero() ? send : Mono.delay(delay).then(send);
        });
    }

    static Map<String, String> properties(StubOfferService stub) {
        return Map.of(
                "quanzi.offer.base-url", stub.baseUrl(), "quanzi.service-client.token-uri", stub.baseUrl() + "/token");
    }
}
