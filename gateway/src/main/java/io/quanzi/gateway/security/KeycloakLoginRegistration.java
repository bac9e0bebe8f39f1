package io.quanzi.gateway.security;

import io.quanzi.platform.security.QuanziSecurityProperties;
import java.net.URI;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

/**
 * The Keycloak login of the web app, with endpoints written out instead of discovered: the gateway
 * starts while Keycloak is still starting, and browsers (authorize, logout) may reach Keycloak at
 * another address than the gateway does (token, keys, user info).
 */
@Configuration(proxyBeanMethods = false)
class KeycloakLoginRegistration {

    static final String REGISTRATION_ID = "keycloak";

    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(
            QuanziSecurityProperties security, WebClientProperties login) {
        String browserBase = security.issuer() + "/protocol/openid-connect";
        String backChannelBase = backChannelIssuer(security, login) + "/protocol/openid-connect";
        ClientRegistration keycloak = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientName("Quanzi")
                .clientId(login.clientId())
                .clientSecret(login.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .authorizationUri(browserBase + "/auth")
                .tokenUri(backChannelBase + "/token")
                .jwkSetUri(security.jwkSetUri().toString())
                .userInfoUri(backChannelBase + "/userinfo")
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .issuerUri(security.issuer())
                .providerConfigurationMetadata(Map.of("end_session_endpoint", browserBase + "/logout"))
                .build();
        return new InMemoryReactiveClientRegistrationRepository(keycloak);
    }

    private static String backChannelIssuer(QuanziSecurityProperties security, WebClientProperties login) {
        if (login.backChannelBaseUrl() == null) {
            return security.issuer();
        }
        URI issuer = URI.create(security.issuer());
        return login.backChannelBaseUrl().toString().replaceAll("/$", "") + issuer.getPath();
    }
}
