package io.quanzi.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for black-box tests: real sockets, no redirects followed unless asked. */
final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /**
     * A browser's cookies, by name. Like a browser, cookies are shared by every port of a host
     * (gateway and Keycloak both run on localhost); java.net's CookieManager drops them there.
     */
    private final Map<String, String> cookies;

    private Http(Map<String, String> cookies) {
        this.cookies = cookies;
    }

    /** An API client: no cookies, no redirects. */
    static Http api() {
        return new Http(null);
    }

    /** A browser: keeps cookies, follows redirects only where told. */
    static Http browser() {
        return new Http(new ConcurrentHashMap<>());
    }

    String cookie(String name) {
        return cookies.get(name);
    }

    Reply send(HttpRequest.Builder request) {
        try {
            if (cookies != null && !cookies.isEmpty()) {
                request.header(
                        "Cookie",
                        cookies.entrySet().stream()
                                .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                                .collect(Collectors.joining("; ")));
            }
            HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
            if (cookies != null) {
                response.headers().allValues("Set-Cookie").forEach(this::remember);
            }
            return new Reply(response);
        } catch (IOException failed) {
            throw new IllegalStateException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private void remember(String setCookie) {
        String[] nameValue = setCookie.split(";", 2)[0].split("=", 2);
        String attributes = setCookie.toLowerCase(java.util.Locale.ROOT);
        boolean expired = attributes.contains("max-age=0") || nameValue.length < 2 || nameValue[1].isEmpty();
        if (expired) {
            cookies.remove(nameValue[0].trim());
        } else {
            cookies.put(nameValue[0].trim(), nameValue[1].trim());
        }
    }

    Reply get(String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /** Follows redirects by hand (a browser would), returning the last answer. */
    Reply follow(Reply reply) {
        Reply current = reply;
        for (int hops = 0; hops < 10 && current.status() / 100 == 3; hops++) {
            String location = current.header("Location");
            current = get(URI.create(current.url()).resolve(location).toString(), "Accept", "text/html");
        }
        return current;
    }

    static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    /** One HTTP answer. */
    record Reply(HttpResponse<String> response) {

        int status() {
            return response.statusCode();
        }

        String url() {
            return response.uri().toString();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }

        String body() {
            return response.body();
        }

        JsonNode json() {
            return JSON.readTree(response.body());
        }

        @Override
        public String toString() {
            return status() + " " + url() + " " + body();
        }
    }
}
