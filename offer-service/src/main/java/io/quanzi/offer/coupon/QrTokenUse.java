package io.quanzi.offer.coupon;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A QR token presented for redemption, by its {@code jti}: a token works for one scan only, so a
 * copied or replayed code is refused. Also records the outcome of every scan, for audit.
 */
@Document("coupon_qr_token_uses")
record QrTokenUse(
        @Id String id,
        String couponId,
        String storeId,
        String staffId,
        Instant scannedAt,
        Instant tokenExpiresAt,
        String outcome) {}
