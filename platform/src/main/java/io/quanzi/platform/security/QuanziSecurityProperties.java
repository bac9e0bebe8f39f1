package io.quanzi.platform.security;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this app trusts Keycloak's tokens.
 *
 * @param issuer the exact {@code iss} the tokens must carry (the realm URL as browsers see it)
 * @param jwkSetUri where to fetch the signing keys (may differ from the issuer host inside a network)
 * @param audience the {@code aud} value every token must contain
 * @param clockSkew leeway for {@code exp}/{@code nbf} between this host and Keycloak
 */
@ConfigurationProperties("quanzi.security")
public record QuanziSecurityProperties(String issuer, URI jwkSetUri, String audience, Duration clockSkew) {

    public QuanziSecurityProperties {
        if (issuer == null || issuer.isBlank()) {
            issuer = "http://localhost:8180/realms/quanzi";
        }
        if (jwkSetUri == null || jwkSetUri.toString().isBlank()) {
            jwkSetUri = URI.create(issuer + "/protocol/openid-connect/certs");
        }
        if (audience == null || audience.isBlank()) {
            audience = "quanzi-api";
        }
        if (clockSkew == null) {
            clockSkew = Duration.ofSeconds(30);
        }
    }
}
