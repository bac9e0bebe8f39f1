package io.quanzi.platform.client;

import io.quanzi.platform.security.PlatformSecurityAutoConfiguration;
import io.quanzi.platform.security.QuanziSecurityProperties;
import java.net.URI;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.reactive.function.client.WebClient;

/** {@link ServiceWebClients} for every service: its Keycloak service account, ready to call the others. */
@AutoConfiguration(after = PlatformSecurityAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(ServiceClientProperties.class)
public class PlatformClientAutoConfiguration {

    static final String REGISTRATION_ID = "quanzi-service-account";

    @Bean
    ServiceWebClients serviceWebClients(
            WebClient.Builder builder,
            ServiceClientProperties client,
            QuanziSecurityProperties security,
            Environment environment) {
        ClientRegistration registration = registration(client, security, environment);
        var registrations = new InMemoryReactiveClientRegistrationRepository(registration);
        var manager = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(
                registrations, new InMemoryReactiveOAuth2AuthorizedClientService(registrations));
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials()
                .build());
        var serviceToken = new ServerOAuth2AuthorizedClientExchangeFilterFunction(manager);
        serviceToken.setDefaultClientRegistrationId(REGISTRATION_ID);
        return new ServiceWebClients(builder, serviceToken);
    }

    static ClientRegistration registration(
            ServiceClientProperties client, QuanziSecurityProperties security, Environment environment) {
        String clientId = orDefault(client.clientId(), environment.getProperty("spring.application.name", "quanzi"));
        String secret = orDefault(client.clientSecret(), clientId + "-dev-secret");
        URI tokenUri = client.tokenUri() != null ? client.tokenUri() : tokenUriNextTo(security.jwkSetUri());
        return ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientId(clientId)
                .clientSecret(secret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri(tokenUri.toString())
                .build();
    }

    /** Keycloak serves {@code …/protocol/openid-connect/token} beside {@code …/protocol/openid-connect/certs}. */
    static URI tokenUriNextTo(URI jwkSetUri) {
        String keys = jwkSetUri.toString();
        return URI.create(keys.substring(0, keys.lastIndexOf('/')) + "/token");
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
