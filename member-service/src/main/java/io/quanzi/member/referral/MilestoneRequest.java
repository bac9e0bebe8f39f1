package io.quanzi.member.referral;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /internal/referrals/milestones}: a referee reached a milestone (today: first check-in). */
record MilestoneRequest(
        @NotBlank @Size(max = 200) String idempotencyKey,
        @NotBlank @Size(max = 100) String memberId,
        @NotBlank @Size(max = 63) String brandId,
        @NotBlank @Pattern(regexp = Referrals.FIRST_CHECK_IN, message = "must be FIRST_CHECK_IN") String milestone,
        @Size(max = 200) String sourceRef) {}
