package io.quanzi.community.checkin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.quanzi.platform.keys.RotatingSigningKeys;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The rotating check-in QR token: a compact JWS (ES256) with header {@code kid} and {@code typ=checkin+jwt}, claims
 * {@code evt} (event id), {@code sub} (member id), {@code iat}, {@code exp} ({@code iat} + token TTL) and {@code jti}.
 */
@Component
class CheckInTokens {

    static final JOSEObjectType TYPE = new JOSEObjectType("checkin+jwt");

    /** The shape of the key ids {@link CheckInSigningKeys} makes; anything else is refused before any key lookup. */
    private static final Pattern KEY_ID = Pattern.compile("checkin-[A-Za-z0-9_-]{1,64}");

    /** What a verified token says. */
    record Verified(String eventId, String memberId, Instant issuedAt, Instant expiresAt, String tokenId) {}

    record Issued(String token, Instant expiresAt) {}

    private final RotatingSigningKeys keys;
    private final CheckInProperties properties;
    private final Clock clock;

    CheckInTokens(RotatingSigningKeys keys, CheckInProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    Mono<Issued> issue(String eventId, String memberId) {
        return keys.signingKey()
                .map(key -> issue(eventId, memberId, clock.instant().truncatedTo(ChronoUnit.SECONDS), key));
    }

    /** Signs a token issued at {@code issuedAt} with {@code key} (the current key, or any key in tests). */
    Issued issue(String eventId, String memberId, Instant issuedAt, ECKey key) {
        Instant expiresAt = issuedAt.plus(properties.tokenTtl());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .claim("evt", eventId)
                .subject(memberId)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(key.getKeyID())
                        .type(TYPE)
                        .build(),
                claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException failed) {
            throw new IllegalStateException("Cannot sign a check-in token", failed);
        }
        return new Issued(jwt.serialize(), expiresAt);
    }

    /**
     * Checks the signature (and that the token is ours and complete): anything else is {@code token-forged}. Expiry
     * is judged by the caller against the scan time.
     */
    Mono<Verified> verify(String token) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException | RuntimeException unreadable) {
            return Mono.error(forged("The code is not a check-in token."));
        }
        JWSHeader header = jwt.getHeader();
        if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())
                || !TYPE.equals(header.getType())
                || header.getKeyID() == null
                || !KEY_ID.matcher(header.getKeyID()).matches()) {
            return Mono.error(forged("The code is not signed the way Quanzi signs check-in tokens."));
        }
        return keys.verifying(header.getKeyID())
                .switchIfEmpty(Mono.error(() -> forged("The code is signed with an unknown key.")))
                .flatMap(key -> {
                    try {
                        if (!jwt.verify(new ECDSAVerifier(key.toECPublicKey()))) {
                            return Mono.error(forged("The code's signature does not match: it was altered or forged."));
                        }
                        JWTClaimsSet claims = jwt.getJWTClaimsSet();
                        String eventId = claims.getStringClaim("evt");
                        if (eventId == null
                                || claims.getSubject() == null
                                || claims.getIssueTime() == null
                                || claims.getExpirationTime() == null) {
                            return Mono.error(forged("The code lacks the check-in claims."));
                        }
                        return Mono.just(new Verified(
                                eventId,
                                claims.getSubject(),
                                claims.getIssueTime().toInstant(),
                                claims.getExpirationTime().toInstant(),
                                claims.getJWTID()));
                    } catch (JOSEException | ParseException broken) {
                        return Mono.error(forged("The code could not be verified."));
                    }
                });
    }

    private static CheckInRefused forged(String detail) {
        return new CheckInRefused(CheckInRefused.Reason.TOKEN_FORGED, detail);
    }
}
