package io.quanzi.offer.coupon;

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
import io.quanzi.platform.problem.Problem;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Short-lived signed QR tokens for coupon redemption: a compact JWS, ES256, signed with
 * offer-service's own key (published as JWKS at {@code /api/coupons/jwks}), header
 * {@code typ: coupon-qr+jwt}, claims {@code iss}, {@code sub} (member), {@code cid} (coupon),
 * {@code oid} (offer), {@code iat}, {@code exp} (45 s by default) and a random {@code jti} that a
 * redemption consumes. The coupon code alone redeems nothing.
 */
@Component
class QrTokens {

    static final JOSEObjectType TYPE = new JOSEObjectType("coupon-qr+jwt");
    static final String ISSUER = "quanzi-offer-service";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RotatingSigningKeys keys;
    private final Clock clock;
    private final Duration lifetime;

    QrTokens(
            RotatingSigningKeys keys,
            Clock clock,
            @Value("${quanzi.coupons.qr-token-lifetime:45s}") Duration lifetime) {
        this.keys = keys;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** A token to show as a QR code, and when it stops working. */
    record QrToken(String token, Instant expiresAt) {}

    /** What a verified token says. */
    record QrClaims(String tokenId, String couponId, String memberId, String offerId, Instant expiresAt) {}

    Mono<QrToken> issue(Coupon coupon) {
        return keys.signingKey().map(key -> issue(coupon, key));
    }

    private QrToken issue(Coupon coupon, ECKey key) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(coupon.memberId())
                .claim("cid", coupon.id())
                .claim("oid", coupon.offerId())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(randomId())
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(TYPE)
                .keyID(key.getKeyID())
                .build();
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new ECDSASigner(key));
            return new QrToken(jwt.serialize(), expiresAt);
        } catch (JOSEException failed) {
            throw new IllegalStateException("Could not sign a QR token", failed);
        }
    }

    /**
     * Checks the signature against offer-service's keys, then the header, issuer and claims, then
     * expiry. Any tampering (another key, an edited header or payload) is {@code qr-token-invalid};
     * a genuine token past its {@code exp} is {@code qr-token-expired}.
     */
    Mono<QrClaims> verify(String token) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException | RuntimeException unreadable) {
            return Mono.error(invalid("The QR code is not a coupon token."));
        }
        JWSHeader header = jwt.getHeader();
        if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
            return Mono.error(invalid("The QR code is not signed the way Quanzi signs coupon tokens."));
        }
        return keys.verifying(header.getKeyID())
                .switchIfEmpty(Mono.error(() -> invalid("The QR code was not signed by Quanzi.")))
                .flatMap(key -> verified(jwt, key));
    }

    private Mono<QrClaims> verified(SignedJWT jwt, ECKey key) {
        try {
            if (!jwt.verify(new ECDSAVerifier(key))) {
                return Mono.error(invalid("The QR code's signature does not match: it was forged or altered."));
            }
            if (!TYPE.equals(jwt.getHeader().getType())) {
                return Mono.error(invalid("The QR code is not a coupon token."));
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            String couponId = claims.getStringClaim("cid");
            String offerId = claims.getStringClaim("oid");
            Date expiry = claims.getExpirationTime();
            if (!ISSUER.equals(claims.getIssuer())
                    || claims.getSubject() == null
                    || couponId == null
                    || offerId == null
                    || claims.getJWTID() == null
                    || expiry == null) {
                return Mono.error(invalid("The QR code is not a complete coupon token."));
            }
            Instant expiresAt = expiry.toInstant();
            if (!clock.instant().isBefore(expiresAt)) {
                return Mono.error(Problem.of(
                        HttpStatus.BAD_REQUEST,
                        "qr-token-expired",
                        "The QR code expired at " + expiresAt + "; ask the member to refresh it."));
            }
            return Mono.just(new QrClaims(claims.getJWTID(), couponId, claims.getSubject(), offerId, expiresAt));
        } catch (JOSEException | ParseException | RuntimeException broken) {
            return Mono.error(invalid("The QR code's signature does not match: it was forged or altered."));
        }
    }

    static Problem invalid(String detail) {
        return Problem.of(HttpStatus.BAD_REQUEST, "qr-token-invalid", detail);
    }

    private static String randomId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
