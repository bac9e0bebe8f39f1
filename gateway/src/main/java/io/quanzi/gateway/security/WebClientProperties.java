package io.quanzi.gateway.security;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's own Keycloak client for browser logins.
 *
 * @param clientId the confidential client of the web app
 * @param clientSecret its secret (from the environment outside the dev stack)
 * @param backChannelBaseUrl Keycloak's base URL as this gateway reaches it (defaults to the issuer's
 *     host; differs in containers, where browsers and the gateway see Keycloak at other addresses)
 */
@ConfigurationProperties("quanzi.gateway.login")
public record WebClientProperties(String clientId, String clientSecret, URI backChannelBaseUrl) {

    public WebClientProperties {
        if (clientId == null || clientId.isBlank()) {
            clientId = "web";
        }
        if (backChannelBaseUrl != null && backChannelBaseUrl.toString().isBlank()) {
            backChannelBaseUrl = null;
        }
    }
}
