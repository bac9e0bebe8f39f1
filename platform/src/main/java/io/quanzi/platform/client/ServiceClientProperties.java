package io.quanzi.platform.client;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * This app's service account in Keycloak, used for calls to other Quanzi services.
 *
 * @param clientId the confidential client with the {@code service} role (default: the application name)
 * @param clientSecret its secret (default: the realm file's documented dev secret, {@code <clientId>-dev-secret})
 * @param tokenUri Keycloak's token endpoint (default: next to the signing keys' URI)
 */
@ConfigurationProperties("quanzi.service-client")
public record ServiceClientProperties(String clientId, String clientSecret, URI tokenUri) {}
