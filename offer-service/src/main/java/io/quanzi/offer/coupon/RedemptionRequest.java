package io.quanzi.offer.coupon;

import io.quanzi.offer.fact.MemberFacts;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/coupons/redemptions}: the scanned QR token and the store the staff member is at. */
record RedemptionRequest(
        @NotBlank @Size(max = 2048) String token,
        @NotBlank @Pattern(regexp = MemberFacts.ID, message = "must be a store id") String storeId) {}
