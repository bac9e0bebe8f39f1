package io.quanzi.devstack;

import static io.quanzi.devstack.GatewayApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The web app's backend-for-frontend: Keycloak login, session, token relay, CSRF, logout. */
@ExtendWith(RunningStack.class)
class BrowserLoginIT {

    private static final Pattern FORM_ACTION =
            Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final Stack stack = RunningStack.stack();

    @Test
    void webAppIsPublicAndSaysNoOneIsSignedIn() {
        Http browser = Http.browser();

        Http.Reply app = browser.get(stack.gatewayUrl() + "/events/some-event", "Accept", "text/html");
        assertThat(app.status()).as("history-mode deep links get the app").isEqualTo(200);
        assertThat(app.body()).contains("<div id=\"app\">");
        assertThat(app.header("Cache-Control")).contains("no-cache");

        Http.Reply session = browser.get(stack.gatewayUrl() + "/session", "Accept", "application/json");
        assertThat(session.status()).isEqualTo(200);
        assertThat(session.json().get("authenticated").asBoolean()).isFalse();

        Http.Reply api = browser.get(stack.gatewayUrl() + "/api/members/me", "Accept", "application/json");
        assertProblem(api, 401, "urn:quanzi:problem:unauthorized");
    }

    @Test
    void browserWithoutSessionIsSentToKeycloakLoginWithPkce() {
        Http browser = Http.browser();

        Http.Reply first = browser.get(stack.gatewayUrl() + "/session/login?return=/events", "Accept", "text/html");
        assertThat(first.status()).isEqualTo(302);
        assertThat(first.header("Location")).isEqualTo("/oauth2/authorization/keycloak");

        Http.Reply authorize = browser.get(stack.gatewayUrl() + first.header("Location"), "Accept", "text/html");
        assertThat(authorize.status()).isEqualTo(302);
        assertThat(authorize.header("Location"))
                .startsWith(stack.keycloakUrl() + "/realms/quanzi/protocol/openid-connect/auth")
                .contains("client_id=web")
                .contains("code_challenge_method=S256");

        Http.Reply loginPage = browser.follow(authorize);
        assertThat(loginPage.status()).isEqualTo(200);
        assertThat(loginPage.body()).contains("kc-form-login");
    }

    @Test
    void loggedInBrowserReachesServicesAndNeedsCsrfTokenToWrite() {
        Http browser = Http.browser();
        Http.Reply home = logIn(browser, "alice");
        assertThat(home.status()).as(home.toString()).isEqualTo(200);
        assertThat(home.url())
                .as("back to the page that asked for the login")
                .isEqualTo(stack.gatewayUrl() + "/events");

        Http.Reply session = browser.get(stack.gatewayUrl() + "/session", "Accept", "application/json");
        assertThat(session.json().get("authenticated").asBoolean()).isTrue();
        assertThat(session.json().get("username").asString()).isEqualTo("alice");
        assertThat(session.json().get("roles").toString()).contains("member");
        assertThat(session.body()).as("no token ever reaches the browser").doesNotContain("eyJ");

        Http.Reply profile = browser.get(stack.gatewayUrl() + "/api/members/me", "Accept", "application/json");
        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
        assertThat(profile.json().get("displayName").asString()).isEqualTo("Alice Wang");

        Http.Reply withoutCsrf = browser.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/logout"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertProblem(withoutCsrf, 403, "urn:quanzi:problem:forbidden");

        String csrf = browser.cookie("XSRF-TOKEN");
        assertThat(csrf).isNotBlank();
        Http.Reply logout = browser.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/logout"))
                .header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(logout.status()).isEqualTo(302);
        assertThat(logout.header("Location"))
                .as("logout also ends the Keycloak session")
                .startsWith(stack.keycloakUrl() + "/realms/quanzi/protocol/openid-connect/logout")
                .contains("id_token_hint=");

        Http.Reply afterLogout = browser.get(stack.gatewayUrl() + "/api/members/me", "Accept", "application/json");
        assertProblem(afterLogout, 401, "urn:quanzi:problem:unauthorized");
    }

    @Test
    void anonymousWriteIsUnauthenticatedNotACsrfRefusal() {
        Http stranger = Http.browser();

        Http.Reply join = stranger.send(
                HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/members/me/brands/demo-brand/membership"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertProblem(join, 401, "urn:quanzi:problem:unauthorized");
    }

    @Test
    void sessionCookieIsNotForwardedToServices() {
        Http browser = Http.browser();
        logIn(browser, "alice");

        Http.Reply profile = browser.get(stack.gatewayUrl() + "/api/members/me", "Accept", "application/json");

        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.header("Set-Cookie"))
                .as("services never see or set the gateway session")
                .isNull();
    }

    @Test
    void loginNeverReturnsToAnotherSite() {
        Http browser = Http.browser();
        Http.Reply home = logInReturningTo(browser, "bob", "//evil.example/steal");
        assertThat(home.url()).isEqualTo(stack.gatewayUrl() + "/");
    }

    @Test
    void signUpOpensKeycloakRegistrationPage() {
        Http browser = Http.browser();
        Http.Reply page = browser.follow(browser.get(
                stack.gatewayUrl() + "/session/login?return=/join/ABCD2345&signup=true", "Accept", "text/html"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("kc-register-form");
    }

    private Http.Reply logInReturningTo(Http browser, String username, String returnTo) {
        Http.Reply loginPage = browser.follow(browser.get(
                stack.gatewayUrl() + "/session/login?return="
                        + java.net.URLEncoder.encode(returnTo, java.nio.charset.StandardCharsets.UTF_8),
                "Accept",
                "text/html"));
        Matcher action = FORM_ACTION.matcher(loginPage.body());
        assertThat(action.find()).as("Keycloak login form").isTrue();
        String postTo = action.group(1).replace("&amp;", "&");
        Http.Reply submitted = browser.send(HttpRequest.newBuilder(URI.create(postTo))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(Http.form(Map.of("username", username, "password", username + "-demo"))));
        return browser.follow(submitted);
    }

    private Http.Reply logIn(Http browser, String username) {
        Http.Reply loginPage = browser.follow(
                browser.get(stack.gatewayUrl() + "/session/login?return=/events", "Accept", "text/html"));
        Matcher action = FORM_ACTION.matcher(loginPage.body());
        assertThat(action.find()).as("Keycloak login form").isTrue();
        String postTo = action.group(1).replace("&amp;", "&");
        Http.Reply submitted = browser.send(HttpRequest.newBuilder(URI.create(postTo))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(Http.form(Map.of("username", username, "password", username + "-demo"))));
        return browser.follow(submitted);
    }
}
