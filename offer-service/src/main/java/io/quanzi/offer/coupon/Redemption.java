package io.quanzi.offer.coupon;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The audit record of a redemption: which coupon, which staff member, at which store, when. */
@Document("coupon_redemptions")
record Redemption(
        @Id String id,
        String couponId,
        String offerId,
        String brandId,
        String memberId,
        String storeId,
        String staffId,
        String tokenId,
        Instant redeemedAt) {}
