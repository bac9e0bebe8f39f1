package io.quanzi.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile input through the gateway to every {@code /api} operation of every service's OpenAPI
 * document, as the rightful caller with real resources. What must be refused (malformed JSON, wrong
 * content types, wrong shapes and types, impossible numbers and dates, unknown, operator and dotted
 * keys, deep nesting, oversized strings, control characters and traversal in the URL, oversized
 * headers and URLs) is a 4xx problem with a request id and leaves every database as it was. What a
 * service may accept (null, empty, NUL and control characters in text, negative and zero numbers,
 * operator-looking strings) is never a 5xx, and a refusal is still a problem.
 */
@ExtendWith(RunningStack.class)
class BadInputSweepIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HUGE = "9".repeat(40);
    private static final String OVERSIZED = "x".repeat(100_000);

    /** Answers that were the gateway's 503 fallback on the first try. */
    static final java.util.concurrent.atomic.AtomicInteger TRANSIENT = new java.util.concurrent.atomic.AtomicInteger();

    private final Stack stack = RunningStack.stack();

    static boolean isGatewayUnavailable(RawHttp.Answer answer) {
        return answer.status() == 503 && "urn:quanzi:problem:service-unavailable".equals(answer.problemType());
    }

    /** One request of the sweep. */
    record Case(String what, String method, String target, Map<String, String> headers, byte[] body) {}

    @Test
    void hostileInputIsRefusedAsProblemsAndChangesNothing() throws Exception {
        SweepWorld world = SweepWorld.get(stack);
        RawHttp gateway = new RawHttp(stack.gatewayUrl());
        List<ApiDocs.Operation> operations = ApiDocs.load(stack);
        List<Case> refused = new ArrayList<>();
        List<Case> tolerated = new ArrayList<>();
        for (ApiDocs.Operation operation : operations) {
            generate(world, operation, refused, tolerated);
        }

        Map<String, List<String>> before = DatabaseSnapshot.settled(stack.mongoUri());
        List<String> wrong = run(world, gateway, refused, true);
        List<String> changed = DatabaseSnapshot.differences(before, DatabaseSnapshot.take(stack.mongoUri()));
        List<String> wrongTolerated = run(world, gateway, tolerated, false);
        int closed = world.closeOffersMade();

        System.out.printf(
                "Bad-input sweep: %d operations, %d cases (%d that must be refused, %d that must not fail);"
                        + " %d wrong, %d database changes, %d gateway 503s asked again; %d offers it made closed%n",
                operations.size(),
                refused.size() + tolerated.size(),
                refused.size(),
                tolerated.size(),
                wrong.size() + wrongTolerated.size(),
                changed.size(),
                TRANSIENT.get(),
                closed);
        assertThat(refused.size() + tolerated.size()).isGreaterThanOrEqualTo(1_000);
        assertThat(wrong).as("hostile requests not refused with a 4xx problem").isEmpty();
        assertThat(changed).as("changes made by refused requests").isEmpty();
        assertThat(wrongTolerated).as("5xx answers, or 4xx without a problem").isEmpty();
    }

    private static List<String> run(SweepWorld world, RawHttp gateway, List<Case> cases, boolean mustRefuse)
            throws Exception {
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Case sweepCase : cases) {
                done.add(pool.submit(() -> {
                    RawHttp.Answer answer;
                    try {
                        answer = gateway.send(
                                sweepCase.method(), sweepCase.target(), sweepCase.headers(), sweepCase.body());
                    } catch (RuntimeException failed) {
                        wrong.add(sweepCase.what() + ": " + failed.getMessage());
                        return;
                    }
                    if (isGatewayUnavailable(answer)) {
                        // The gateway's circuit-breaker fallback: the call did not reach the service in
                        // time. Counted and printed, and the case is asked once more.
                        TRANSIENT.incrementAndGet();
                        answer = gateway.send(
                                sweepCase.method(), sweepCase.target(), sweepCase.headers(), sweepCase.body());
                    }
                    world.noteOfferMade(answer);
                    boolean refusedRight = answer.status() >= 400 && answer.status() < 500;
                    boolean problemRight =
                            answer.status() < 400 || (answer.isProblem() && answer.header("X-Request-Id") != null);
                    boolean right = mustRefuse ? refusedRight && problemRight : answer.status() < 500 && problemRight;
                    if (!right) {
                        wrong.add(sweepCase.what() + ": " + answer);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Collections.sort(wrong);
        return wrong;
    }

    private static void generate(
            SweepWorld world, ApiDocs.Operation operation, List<Case> refused, List<Case> tolerated) {
        String key = operation.key();
        String identity = AuthorizationSweepIT.rightfulCaller(key);
        String path = world.fill(operation.path());
        String query = AuthorizationSweepIT.query(operation.path());
        String target = path + query;

        Map<String, String> headers = new LinkedHashMap<>(AuthorizationSweepIT.auth(world, identity, null));
        headers.putAll(world.headers(key));

        // The URL: traversal, encodings, NUL, parameters and operators in each path parameter.
        for (ApiDocs.Param param : operation.in("path")) {
            String value = world.pathValues.get(param.name());
            for (String hostile : List.of(
                    "..",
                    "%2e%2e",
                    "..%2f..%2fadmin",
                    "%2e%2e%2f%2e%2e%2finternal",
                    value + "%00",
                    value + "%0d%0aX-Injected:1",
                    "a%2fb",
                    value + ";jsessionid=1",
                    "%24gt",
                    "%7B%22%24ne%22%3Anull%7D",
                    "%252e%252e",
                    "x".repeat(10_000))) {
                String hostilePath = operation.path().replace("{" + param.name() + "}", hostile);
                refused.add(new Case(
                        key + " path " + param.name() + "=" + RawHttp.abbreviate(hostile),
                        operation.method(),
                        world.fill(hostilePath) + query,
                        withJson(headers, operation),
                        body(world, key)));
            }
        }
        refused.add(new Case(
                key + " double slash",
                operation.method(),
                target.replaceFirst("/api/", "/api//"),
                headers,
                body(world, key)));
        refused.add(new Case(
                key + " dot segment",
                operation.method(),
                target.replaceFirst("/api/", "/api/./x/../"),
                headers,
                body(world, key)));

        // Query parameters: control characters are refused; numbers and enums must be well formed.
        for (ApiDocs.Param param : operation.in("query")) {
            String name = param.name();
            String separator = query.isEmpty() ? "?" : "&";
            for (String control : List.of("%00", "a%0d%0ab", "%1b%5b31m")) {
                refused.add(new Case(
                        key + " query " + name + " control",
                        operation.method(),
                        target + separator + name + "=" + control,
                        headers,
                        body(world, key)));
            }
            JsonNode schema = operation.resolve(param.schema());
            String type = schema == null ? "string" : schema.path("type").asString("string");
            if (type.equals("integer") || type.equals("number")) {
                for (String bad : List.of("abc", "1.9e", HUGE, "%7B%22%24gt%22%3A0%7D")) {
                    refused.add(new Case(
                            key + " query " + name + "=" + bad,
                            operation.method(),
                            target + separator + name + "=" + bad,
                            headers,
                            body(world, key)));
                }
                if (type.equals("integer")) {
                    refused.add(new Case(
                            key + " query " + name + "=1.9",
                            operation.method(),
                            target + separator + name + "=1.9",
                            headers,
                            body(world, key)));
                }
                for (String edge : List.of("-1", "0", "2147483648")) {
                    tolerated.add(new Case(
                            key + " query " + name + "=" + edge,
                            operation.method(),
                            target + separator + name + "=" + edge,
                            headers,
                            body(world, key)));
                }
            } else if (schema != null && schema.has("enum")) {
                for (String bad : List.of("0", "NOT_A_VALUE", "%24gt")) {
                    refused.add(new Case(
                            key + " query " + name + "=" + bad,
                            operation.method(),
                            target + separator + name + "=" + bad,
                            headers,
                            body(world, key)));
                }
            } else if (schema != null && schema.path("format").asString("").startsWith("date")) {
                refused.add(new Case(
                        key + " query " + name + "=not-a-date",
                        operation.method(),
                        target + separator + name + "=not-a-date",
                        headers,
                        body(world, key)));
                for (String far : List.of("%2B999999999-12-31", "-999999999-01-01", "%2B999999999-12-31T23:59:59Z")) {
                    tolerated.add(new Case(
                            key + " query " + name + "=" + far,
                            operation.method(),
                            target + separator + name + "=" + far,
                            headers,
                            body(world, key)));
                }
            }
            for (String odd :
                    List.of("%24gt", "%7B%22%24ne%22%3Anull%7D", "..%2f..%2f", "a.b", "", "x".repeat(3_000))) {
                tolerated.add(new Case(
                        key + " query " + name + "=" + RawHttp.abbreviate(odd),
                        operation.method(),
                        target + separator + name + "=" + odd,
                        headers,
                        body(world, key)));
            }
        }
        tolerated.add(new Case(
                key + " unknown query parameter",
                operation.method(),
                target + (query.isEmpty() ? "?" : "&") + "%24where=1&a.b=2",
                headers,
                body(world, key)));

        // Oversized URL and headers, a hostile idempotency key.
        refused.add(new Case(
                key + " 20 KB URL",
                operation.method(),
                target + (query.isEmpty() ? "?" : "&") + "pad=" + "p".repeat(20_000),
                headers,
                body(world, key)));
        Map<String, String> bigHeader = new LinkedHashMap<>(headers);
        bigHeader.put("X-Padding", "h".repeat(20_000));
        refused.add(new Case(key + " 20 KB header", operation.method(), target, bigHeader, body(world, key)));
        if (headers.containsKey("Idempotency-Key")) {
            for (String bad : List.of("short", "has spaces in it", "$gt$gt$gt$gt", "k".repeat(200), "{\"$ne\":null}")) {
                Map<String, String> badKey = new LinkedHashMap<>(headers);
                badKey.put("Idempotency-Key", bad);
                refused.add(new Case(
                        key + " Idempotency-Key " + RawHttp.abbreviate(bad),
                        operation.method(),
                        target,
                        badKey,
                        body(world, key)));
            }
        }

        if (operation.body() != null) {
            bodyCases(world, operation, target, headers, refused, tolerated);
        }
    }

    private static void bodyCases(
            SweepWorld world,
            ApiDocs.Operation operation,
            String target,
            Map<String, String> headers,
            List<Case> refused,
            List<Case> tolerated) {
        String key = operation.key();
        var supplier = world.bodies.get(key);
        if (supplier == null) {
            throw new IllegalStateException("No valid body for " + key + ": add one to SweepWorld");
        }
        Map<String, String> json = withJson(headers, operation);
        String base = supplier.get();

        // The whole body: not JSON, not an object, another content type, unknown and operator keys, nesting.
        List<String> shapes = new ArrayList<>(List.of(
                "{",
                "{\"a\":",
                "nul",
                "[1,2",
                base + "}",
                base + " x",
                "[]",
                "[" + base + "]",
                "\"x\"",
                "1",
                "true",
                "{\"a\":1,}",
                "\u0000",
                "{'single':'quotes'}"));
        for (String shape : shapes) {
            refused.add(new Case(
                    key + " body " + RawHttp.abbreviate(shape), operation.method(), target, json, bytes(shape)));
        }
        for (String empty : List.of("", "null", "{}")) {
            (operation.bodyRequired() && !empty.equals("{}") ? refused : tolerated)
                    .add(new Case(key + " body '" + empty + "'", operation.method(), target, json, bytes(empty)));
        }
        for (String contentType : List.of(
                "text/plain",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/javascript")) {
            Map<String, String> other = new LinkedHashMap<>(headers);
            other.put("Content-Type", contentType);
            refused.add(new Case(key + " as " + contentType, operation.method(), target, other, bytes(base)));
        }
        for (String extra : List.of(
                "\"zzUnknown\":1",
                "\"$where\":\"sleep(100)\"",
                "\"a.b\":1",
                "\"$set\":{\"balance\":1}",
                "\"__proto__\":{\"admin\":true}",
                "\"id\":\"mine\"",
                "\"\":1")) {
            refused.add(
                    new Case(key + " extra " + extra, operation.method(), target, json, bytes(withExtra(base, extra))));
        }
        refused.add(new Case(
                key + " nested 5000 deep",
                operation.method(),
                target,
                json,
                bytes("{\"deep\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}")));

        ObjectNode valid = (ObjectNode) JSON.readTree(base);
        Map<String, JsonNode> properties = operation.properties();
        for (var property : properties.entrySet()) {
            fieldCases(operation, key, target, json, valid, property.getKey(), property.getValue(), refused, tolerated);
            JsonNode nested = operation.resolve(property.getValue());
            if (nested != null
                    && nested.has("properties")
                    && valid.get(property.getKey()) instanceof ObjectNode inner) {
                for (var nestedProperty : operation.properties(nested).entrySet()) {
                    ObjectNode copy = valid.deepCopy();
                    fieldCases(
                            operation,
                            key + " " + property.getKey(),
                            target,
                            json,
                            copy,
                            property.getKey() + "." + nestedProperty.getKey(),
                            nestedProperty.getValue(),
                            refused,
                            tolerated);
                }
            }
        }
    }

    /** Cases for one field (a dotted name reaches into a nested object of the valid body). */
    private static void fieldCases(
            ApiDocs.Operation operation,
            String key,
            String target,
            Map<String, String> json,
            ObjectNode valid,
            String field,
            JsonNode schema,
            List<Case> refused,
            List<Case> tolerated) {
        JsonNode resolved = operation.resolve(schema);
        String type = resolved == null
                ? "object"
                : resolved.path("type").asString(resolved.has("properties") ? "object" : "");
        String format = resolved == null ? "" : resolved.path("format").asString("");
        boolean isEnum = resolved != null && resolved.has("enum");
        List<String> wrong = new ArrayList<>(List.of("{\"$gt\":\"\"}", "{\"$ne\":null}"));
        List<String> odd = new ArrayList<>(List.of("null"));
        switch (type) {
            case "string" -> {
                wrong.addAll(List.of("5", "1.5", "true", "[\"x\"]", "{}", "\"" + OVERSIZED + "\""));
                if (format.startsWith("date")) {
                    wrong.addAll(List.of(
                            "\"+999999999-12-31T23:59:59Z\"",
                            "\"-999999999-01-01T00:00:00Z\"",
                            "\"10000-01-01T00:00:00Z\"",
                            "1764583200",
                            "\"not-a-date\"",
                            "\"2026-13-45T25:61:00Z\""));
                } else if (isEnum) {
                    wrong.addAll(List.of("0", "\"0\"", "\"NOT_A_VALUE\"", "\"$gt\""));
                    odd.add("\"\"");
                } else {
                    odd.addAll(List.of(
                            "\"\"",
                            "\"a\\u0000b\"",
                            "\"\\u001b[31m\\r\\nline\"",
                            "\"$gt\"",
                            "\"{\\\"$ne\\\":null}\"",
                            "\"a.b\"",
                            "\"../../etc/passwd\"",
                            "\"<script>alert(1)</script>\""));
                }
            }
            case "integer" -> {
                wrong.addAll(List.of("1.9", "\"5\"", "true", "\"abc\"", "[1]", HUGE, "1e400", "-" + HUGE));
                odd.addAll(List.of("-1", "0", "2147483647", "-2147483648"));
            }
            case "number" -> {
                wrong.addAll(List.of("true", "\"abc\"", "[1]", "1e400", "-1e400"));
                odd.addAll(List.of("-1", "0", "1.999999", "1e20", "\"5\""));
            }
            case "boolean" -> wrong.addAll(List.of("\"true\"", "1", "0", "\"yes\"", "[true]"));
            case "array" -> {
                wrong.addAll(List.of(
                        "\"x\"",
                        "5",
                        "{\"a\":1}",
                        "[{\"$gt\":\"\"}]",
                        "[[\"x\"]]",
                        "[" + "\"x\",".repeat(5_000) + "\"x\"]"));
                odd.add("[]");
            }
            default -> {
                wrong.addAll(List.of("\"x\"", "5", "true", "[]", "{\"$set\":\"x\"}", "{\"a.b\":\"x\"}"));
                odd.add("{}");
            }
        }
        for (String value : wrong) {
            refused.add(new Case(
                    key + " " + field + "=" + RawHttp.abbreviate(value),
                    operation.method(),
                    target,
                    json,
                    bytes(replaced(valid, field, value))));
        }
        for (String value : odd) {
            tolerated.add(new Case(
                    key + " " + field + "=" + RawHttp.abbreviate(value),
                    operation.method(),
                    target,
                    json,
                    bytes(replaced(valid, field, value))));
        }
    }

    /** The body with one more member first in its top-level object. */
    private static String withExtra(String base, String extra) {
        int brace = base.indexOf('{');
        String rest = base.substring(brace + 1);
        return base.substring(0, brace + 1) + extra + (rest.trim().equals("}") ? "" : ",") + rest;
    }

    private static String replaced(ObjectNode valid, String field, String json) {
        ObjectNode copy = valid.deepCopy();
        ObjectNode holder = copy;
        String name = field;
        int dot = field.indexOf('.');
        if (dot > 0) {
            holder = (ObjectNode) copy.get(field.substring(0, dot));
            name = field.substring(dot + 1);
        }
        String marker = "\"__sweep_value__\"";
        holder.put(name, "__sweep_value__");
        return copy.toString().replace(marker, json);
    }

    private static Map<String, String> withJson(Map<String, String> headers, ApiDocs.Operation operation) {
        Map<String, String> json = new LinkedHashMap<>(headers);
        if (operation.body() != null) {
            json.put("Content-Type", "application/json");
        }
        return json;
    }

    private static byte[] body(SweepWorld world, String key) {
        var supplier = world.bodies.get(key);
        return supplier == null ? null : bytes(supplier.get());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
