package io.quanzi.devstack;

import java.net.URI;
import java.net.http.HttpRequest;

/**
 * Calls one base URL (the gateway, or a service's own port for internal calls) as a signed-in client: every request
 * carries the caller's bearer token, and a body goes as JSON.
 */
final class Api {

    private final Http http = Http.api();
    private final String baseUrl;

    Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A GET with the token and any further headers (name, value, name, value, …). */
    Http.Reply get(String path, String token, String... headers) {
        return send("GET", path, token, null, headers);
    }

    /** A POST with a JSON body, or none where {@code json} is null. */
    Http.Reply post(String path, String token, String json, String... headers) {
        return send("POST", path, token, json, headers);
    }

    /** Any method with a JSON body, or none (and no content type) where {@code json} is null. */
    Http.Reply send(String method, String path, String token, String json, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + token);
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.method(
                method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }
}
