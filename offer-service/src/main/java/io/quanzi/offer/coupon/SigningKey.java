package io.quanzi.offer.coupon;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A key offer-service signs coupon QR tokens with (EC P-256 JWK, private part included), kept so
 * that a restart still verifies the tokens of the previous run. Dev and single-site setups only:
 * elsewhere configure {@code quanzi.coupons.qr-signing-key} from a secret store instead.
 */
@Document("signing_keys")
record SigningKey(@Id String id, String purpose, String jwk, Instant createdAt) {}
