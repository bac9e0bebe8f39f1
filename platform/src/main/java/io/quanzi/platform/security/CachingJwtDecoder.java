package io.quanzi.platform.security;

import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens whose signature was verified, so that a client sending the same access token again (every call
 * of a session does, for the token's five minutes) costs a map look-up instead of an RSA verification — the largest
 * share of CPU per request in the profiles. The key is the whole compact token, signature included: a token that
 * differs in any byte is verified afresh. On every hit the validators run again (expiry with its skew, issuer,
 * audience), so a remembered token stops working the moment it expires. Bounded: the map is emptied when full.
 */
final class CachingJwtDecoder implements ReactiveJwtDecoder {

    static final int MAX_TOKENS = 4_096;

    private final ReactiveJwtDecoder verifying;
    private final OAuth2TokenValidator<Jwt> validator;
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

    CachingJwtDecoder(ReactiveJwtDecoder verifying, OAuth2TokenValidator<Jwt> validator) {
        this.verifying = verifying;
        this.validator = validator;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.get(token);
        if (known != null) {
            var result = validator.validate(known);
            if (!result.hasErrors()) {
                return Mono.just(known);
            }
            verified.remove(token);
            return Mono.error(new JwtValidationException(
                    result.getErrors().iterator().next().getDescription(), result.getErrors()));
        }
        return verifying.decode(token).doOnNext(jwt -> {
            if (verified.size() >= MAX_TOKENS) {
                verified.clear();
            }
            verified.put(token, jwt);
        });
    }
}
