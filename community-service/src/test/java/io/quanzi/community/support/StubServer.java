package io.quanzi.community.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A stand-in for another Quanzi service (and Keycloak's token endpoint) on a real local port: it records every
 * request and answers what the test tells it to. {@code POST /token} always hands out a service token.
 */
public final class StubServer implements AutoCloseable {

    public record Request(String method, String path, String body, String authorization) {}

    public record Response(int status, String body, Duration delay) {

        public static Response of(int status, String body) {
            return new Response(status, body, Duration.ZERO);
        }

        public static Response status(int status) {
            return new Response(status, "", Duration.ZERO);
        }
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Response> responder = request -> Response.status(404);
    private final DisposableServer server;

    public StubServer() {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((request, response) -> request.receive()
                        .aggregate()
                        .asString()
                        .defaultIfEmpty("")
                        .flatMap(body -> {
                            String path = request.uri();
                            if (path.equals("/token")) {
                                return response.header("Content-Type", "application/json")
                                        .sendString(
                                                Mono.just(
                                                        "{\"access_token\":\"stub-service-token\",\"token_type\":\"Bearer\",\"expires_in\":300}"))
                                        .then();
                            }
                            Request recorded = new Request(
                                    request.method().name(),
                                    path,
                                    body,
                                    request.requestHeaders().get("Authorization"));
                            requests.add(recorded);
                            Response answer = responder.apply(recorded);
                            return Mono.delay(answer.delay())
                                    .then(response.status(answer.status())
                                            .header("Content-Type", "application/json")
                                            .sendString(Mono.just(answer.body()))
                                            .then());
                        }))
                .bindNow();
    }

    public void respond(Function<Request, Response> responder) {
        this.responder = responder;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String pathPrefix) {
        return requests.stream()
                .filter(request -> request.path().startsWith(pathPrefix))
                .toList();
    }

    public void clear() {
        requests.clear();
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
