package io.quanzi.devstack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The {@code /api} operations each service declares in its OpenAPI document. */
final class ApiDocs {

    static final List<String> SERVICES = List.of("member-service", "community-service", "offer-service");

    private ApiDocs() {}

    /** One parameter of an operation. */
    record Param(String name, String in, boolean required, JsonNode schema) {}

    /** One operation, with its request body schema resolved (null if it takes none). */
    record Operation(
            String service,
            String method,
            String path,
            List<Param> params,
            JsonNode body,
            boolean bodyRequired,
            JsonNode components) {

        String key() {
            return method + " " + path;
        }

        List<Param> in(String where) {
            return params.stream().filter(param -> param.in().equals(where)).toList();
        }

        /** The body's properties (name → schema, references resolved), empty if none. */
        Map<String, JsonNode> properties() {
            return properties(body);
        }

        Map<String, JsonNode> properties(JsonNode schema) {
            Map<String, JsonNode> properties = new LinkedHashMap<>();
            JsonNode resolved = resolve(schema);
            if (resolved != null && resolved.has("properties")) {
                resolved.get("properties")
                        .properties()
                        .forEach(entry -> properties.put(entry.getKey(), resolve(entry.getValue())));
            }
            return properties;
        }

        JsonNode resolve(JsonNode schema) {
            JsonNode current = schema;
            for (int hops = 0; current != null && current.has("$ref") && hops < 10; hops++) {
                String ref = current.get("$ref").asString();
                current = components.path("schemas").get(ref.substring(ref.lastIndexOf('/') + 1));
            }
            if (current != null && current.has("allOf") && current.get("allOf").size() == 1) {
                return resolve(current.get("allOf").get(0));
            }
            return current;
        }

        @Override
        public String toString() {
            return key();
        }
    }

    /** Every {@code /api} operation of the three services, sorted by path and method. */
    static List<Operation> load(Stack stack) {
        Http http = Http.api();
        List<Operation> operations = new ArrayList<>();
        for (String service : SERVICES) {
            Http.Reply docs = http.get(stack.serviceUrl(service) + "/v3/api-docs");
            if (docs.status() != 200) {
                throw new IllegalStateException("No OpenAPI document from " + service + ": " + docs);
            }
            JsonNode root = docs.json();
            JsonNode components = root.path("components");
            root.path("paths").properties().forEach(path -> {
                if (!path.getKey().startsWith("/api/")) {
                    return;
                }
                path.getValue().properties().forEach(operation -> {
                    String method = operation.getKey().toUpperCase(Locale.ROOT);
                    if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                        return;
                    }
                    List<Param> params = new ArrayList<>();
                    for (JsonNode param : operation.getValue().path("parameters")) {
                        params.add(new Param(
                                param.get("name").asString(),
                                param.get("in").asString(),
                                param.path("required").asBoolean(false),
                                param.path("schema")));
                    }
                    JsonNode body = operation
                            .getValue()
                            .path("requestBody")
                            .path("content")
                            .path("application/json")
                            .get("schema");
                    boolean required = operation
                            .getValue()
                            .path("requestBody")
                            .path("required")
                            .asBoolean(false);
                    operations.add(new Operation(service, method, path.getKey(), params, body, required, components));
                });
            });
        }
        operations.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return operations;
    }
}
