package io.quanzi.platform.client;

import io.quanzi.platform.web.RequestIdFilter;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Builds the {@link WebClient}s one Quanzi service uses to call another: each call carries this
 * service's client-credentials token (fetched from Keycloak and cached until it expires) and the
 * current request id, so one id follows a member's action through every service's log.
 */
public class ServiceWebClients {

    private final WebClient.Builder prototype;
    private final ServerOAuth2AuthorizedClientExchangeFilterFunction serviceToken;

    ServiceWebClients(WebClient.Builder prototype, ServerOAuth2AuthorizedClientExchangeFilterFunction serviceToken) {
        this.prototype = prototype;
        this.serviceToken = serviceToken;
    }

    /** A fresh builder for one downstream service at {@code baseUrl}. */
    public WebClient.Builder builder(String baseUrl) {
        return prototype.clone().baseUrl(baseUrl).filter(serviceToken).filter(propagateRequestId());
    }

    static ExchangeFilterFunction propagateRequestId() {
        return (request, next) -> Mono.deferContextual(context -> {
            if (!context.hasKey(RequestIdFilter.CONTEXT_KEY)
                    || request.headers().containsHeader(RequestIdFilter.HEADER)) {
                return next.exchange(request);
            }
            String requestId = context.get(RequestIdFilter.CONTEXT_KEY).toString();
            return next.exchange(ClientRequest.from(request)
                    .header(RequestIdFilter.HEADER, requestId)
                    .build());
        });
    }
}
