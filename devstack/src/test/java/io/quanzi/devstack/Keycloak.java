package io.quanzi.devstack;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

/** Real tokens from the running Keycloak, the way scripts and services get them. */
final class Keycloak {

    private final Http http = Http.api();
    private final String base;

    Keycloak(Stack stack) {
        this.base = stack.keycloakUrl();
    }

    /** A demo user's access token (password grant on the dev-only {@code quanzi-cli} client). */
    String userToken(String username) {
        return token(
                "quanzi",
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "quanzi-cli",
                        "username",
                        username,
                        "password",
                        username + "-demo"));
    }

    /** A service account's token (client credentials). */
    String serviceToken(String service) {
        return token(
                "quanzi",
                Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        service,
                        "client_secret",
                        service + "-dev-secret"));
    }

    /**
     * Registers a new member (as self-registration would: default roles, so {@code member}) and returns
     * their access token. Tests that need a member with no history use one of these.
     */
    String newMemberToken(String usernamePrefix) {
        String username = usernamePrefix + "-" + Long.toString(System.nanoTime(), 36);
        String user =
                """
                {"username":"%s","enabled":true,"email":"%s@it.quanzi.local","emailVerified":true,
                 "firstName":"It","lastName":"%s",
                 "credentials":[{"type":"password","value":"%s-pass","temporary":false}]}"""
                        .formatted(username, username, usernamePrefix, username);
        Http.Reply created = admin("POST", "/users", user);
        if (created.status() != 201) {
            throw new IllegalStateException("Could not register " + username + ": " + created);
        }
        return token(
                "quanzi",
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "quanzi-cli",
                        "username",
                        username,
                        "password",
                        username + "-pass"));
    }

    /**
     * Registers {@code count} members at once and returns their access tokens, in order. Makes the test realm hash
     * passwords with one iteration first, so that a hundred logins take seconds (the realm is the tests' own).
     */
    java.util.List<String> newMemberTokens(String usernamePrefix, int count) {
        Http.Reply policy = admin("PUT", "", "{\"passwordPolicy\":\"hashIterations(1)\"}");
        if (policy.status() != 204) {
            throw new IllegalStateException("Could not set the password policy: " + policy);
        }
        String run = Long.toString(System.nanoTime(), 36);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            java.util.List<java.util.concurrent.Future<String>> tokens = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                String username = usernamePrefix + "-" + run + "-" + i;
                tokens.add(pool.submit(() -> {
                    String user =
                            """
                            {"username":"%s","enabled":true,"email":"%s@it.quanzi.local","emailVerified":true,
                             "firstName":"It","lastName":"%s",
                             "credentials":[{"type":"password","value":"member-pass","temporary":false}]}"""
                                    .formatted(username, username, usernamePrefix);
                    Http.Reply created = admin("POST", "/users", user);
                    if (created.status() != 201) {
                        throw new IllegalStateException("Could not register " + username + ": " + created);
                    }
                    return token(
                            "quanzi",
                            Map.of(
                                    "grant_type", "password",
                                    "client_id", "quanzi-cli",
                                    "username", username,
                                    "password", "member-pass"));
                }));
            }
            java.util.List<String> result = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<String> token : tokens) {
                result.add(token.get());
            }
            return result;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        } catch (java.util.concurrent.ExecutionException failed) {
            throw new IllegalStateException(failed.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Calls Keycloak's admin API as the bootstrap admin, for test set-up only. */
    Http.Reply admin(String method, String path, String json) {
        String adminToken = token(
                "master",
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "admin-cli",
                        "username",
                        Components.KEYCLOAK_ADMIN,
                        "password",
                        Components.KEYCLOAK_ADMIN_PASSWORD));
        return http.send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/quanzi" + path))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    String token(String realm, Map<String, String> form) {
        Http.Reply reply = http.send(
                HttpRequest.newBuilder(URI.create(base + "/realms/" + realm + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(Http.form(form)));
        if (reply.status() != 200) {
            throw new IllegalStateException("No token: " + reply);
        }
        return reply.json().get("access_token").asString();
    }
}
