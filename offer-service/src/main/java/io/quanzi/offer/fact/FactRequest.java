package io.quanzi.offer.fact;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /internal/facts}: a fact about a member at a brand, added ({@code present}) or removed. */
record FactRequest(
        @NotBlank @Size(max = 128) @Pattern(regexp = MemberFacts.MEMBER_ID, message = "must be a member id")
                String memberId,
        @NotBlank @Pattern(regexp = MemberFacts.ID, message = "must be a brand id") String brandId,
        @NotBlank @Pattern(regexp = MemberFacts.FACT, message = "must be a known fact such as core-group:{communityId}")
                String fact,
        @NotNull Boolean present) {}
