package io.quanzi.platform.health;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Ready only while Keycloak's signing keys can be fetched: without them no token can be checked
 * and every request would fail, so the app should not take traffic.
 */
public class KeycloakHealthIndicator implements ReactiveHealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final WebClient client;
    private final URI jwkSetUri;

    public KeycloakHealthIndicator(WebClient.Builder builder, URI jwkSetUri) {
        this.client = builder.build();
        this.jwkSetUri = jwkSetUri;
    }

    @Override
    public Mono<Health> health() {
        return client.get()
                .uri(jwkSetUri)
                .retrieve()
                .toBodilessEntity()
                .timeout(TIMEOUT)
                .map(response ->
                        Health.up().withDetail("jwks", jwkSetUri.toString()).build())
                .onErrorResume(failure -> Mono.just(Health.down()
                        .withDetail("jwks", jwkSetUri.toString())
                        .withDetail("error", failure.getClass().getSimpleName())
                        .build()));
    }
}
