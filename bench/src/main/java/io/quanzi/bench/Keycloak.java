package io.quanzi.bench;

import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Bench members through Keycloak's admin API, their tokens minted before any clock starts. The bench stack's realm
 * is adjusted first (this data folder only): access tokens that outlive the run, and a one-iteration password hash
 * so that minting a thousand tokens takes seconds — Keycloak's login rate is not what the bench measures.
 */
final class Keycloak {

    private final String base;

    Keycloak(String base) {
        this.base = base;
    }

    record Member(String username, String subject, String token) {}

    void prepareRealm() {
        String realm = "{\"accessTokenLifespan\":3600,\"passwordPolicy\":\"hashIterations(1)\"}";
        Http.send("PUT", base + "/admin/realms/quanzi", adminToken(), realm).expect(204);
    }

    List<Member> members(String prefix, int count) {
        return Http.parallel(count, 6, i -> {
            // The master realm's admin tokens live a minute: take a fresh one when it is about to expire.
            String admin = adminToken();
            String username = "%s-%05d".formatted(prefix, i);
            String user =
                    """
                    {"username":"%s","enabled":true,"email":"%s@bench.quanzi.local","emailVerified":true,
                     "firstName":"Bench","lastName":"%05d",
                     "credentials":[{"type":"password","value":"bench-pass","temporary":false}]}"""
                            .formatted(username, username, i);
            Http.send("POST", base + "/admin/realms/quanzi/users", admin, user).expect(201, 409);
            String token = userToken(username, "bench-pass");
            return new Member(username, subject(token), token);
        });
    }

    String userToken(String username, String password) {
        return token(Map.of(
                "grant_type", "password", "client_id", "quanzi-cli", "username", username, "password", password));
    }

    String serviceToken(String client) {
        return token(Map.of(
                "grant_type", "client_credentials", "client_id", client, "client_secret", client + "-dev-secret"));
    }

    private String token(Map<String, String> form) {
        Http.Reply reply = Http.form(base + "/realms/quanzi/protocol/openid-connect/token", form)
                .expect(200);
        return reply.json().getString("access_token");
    }

    private String cachedAdmin;
    private long cachedAdminUntil;

    private synchronized String adminToken() {
        if (cachedAdmin != null && System.nanoTime() < cachedAdminUntil) {
            return cachedAdmin;
        }
        cachedAdmin = freshAdminToken();
        cachedAdminUntil = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        return cachedAdmin;
    }

    private String freshAdminToken() {
        Http.Reply reply = Http.form(
                        base + "/realms/master/protocol/openid-connect/token",
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "admin-cli",
                                "username",
                                "admin",
                                "password",
                                "admin"))
                .expect(200);
        return reply.json().getString("access_token");
    }

    static String subject(String jwt) {
        String payload = jwt.split("\\.")[1];
        String json =
                new String(java.util.Base64.getUrlDecoder().decode(payload), java.nio.charset.StandardCharsets.UTF_8);
        return Document.parse(json).getString("sub");
    }
}
