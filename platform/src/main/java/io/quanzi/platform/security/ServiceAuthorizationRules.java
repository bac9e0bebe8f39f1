package io.quanzi.platform.security;

import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;

/**
 * A service's own access rules, applied before the platform's defaults (health and API docs open,
 * {@code /internal/**} for service accounts only, other {@code /api/**} authenticated, all else
 * denied). Declare one bean per service.
 */
@FunctionalInterface
public interface ServiceAuthorizationRules {

    void apply(AuthorizeExchangeSpec exchanges);
}
