package io.quanzi.offer.coupon;

import io.quanzi.platform.keys.RotatingSigningKeys;
import io.quanzi.platform.keys.SigningKeyPolicy;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;

/**
 * The ES256 keys of coupon QR tokens: platform's rotating store. The key configured in
 * {@code quanzi.coupons.qr-signing-key} (a private EC P-256 JWK) signs if set; otherwise the newest
 * key in the {@code signing_keys} collection, made anew at start-up when there is none or the newest
 * is older than {@code quanzi.coupons.qr-key-max-age}. The {@code quanzi.coupons.qr-keys-retained}
 * newest keys stay published and verify, so tokens signed just before a rotation still verify.
 */
@Configuration(proxyBeanMethods = false)
class CouponQrKeys {

    static final String COLLECTION = "signing_keys";
    static final String KEY_ID_PREFIX = "coupon-qr";

    @Bean
    RotatingSigningKeys couponQrSigningKeys(
            ReactiveMongoOperations mongo,
            Clock clock,
            @Value("${quanzi.coupons.qr-signing-key:}") String configuredKey,
            @Value("${quanzi.coupons.qr-key-max-age:90d}") Duration maxAge,
            @Value("${quanzi.coupons.qr-keys-retained:3}") int retained,
            @Value("${quanzi.coupons.qr-jwks-max-age:5m}") Duration jwksMaxAge) {
        return new RotatingSigningKeys(
                mongo,
                clock,
                SigningKeyPolicy.rotating(COLLECTION, KEY_ID_PREFIX, maxAge, retained, jwksMaxAge)
                        .withConfiguredJwk(configuredKey));
    }
}
