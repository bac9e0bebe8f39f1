package io.quanzi.offer.offer;

import io.quanzi.offer.fact.MemberFacts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** Request bodies of the offer endpoints: allow-lists with their limits. */
final class OfferRequests {

    static final String ID = MemberFacts.ID;
    /** Tier names as the brand defines them ("Fan", "Core fan", "金卡"): letters, digits, spaces inside, _ and -. */
    static final String TIER = "^[\\p{L}\\p{N}_-]([\\p{L}\\p{N} _-]{0,30}[\\p{L}\\p{N}_-])?$";

    static final String IMAGE_URL = "^https?://[^\\s\"<>]{1,490}$";
    static final int MAX_STOCK = 1_000_000;
    static final int MAX_PER_MEMBER = 100;
    static final long MAX_POINTS_PRICE = 10_000_000L;

    private OfferRequests() {}

    /** Eligibility: tier names (empty = any tier) and facts the member must all hold (empty = none). */
    record EligibilityRequest(
            @Size(max = 20) List<@NotNull @Pattern(regexp = TIER, message = "must be a tier name") String> tiers,
            @Size(max = 20)
                    List<@NotNull @Pattern(regexp = MemberFacts.FACT, message = "must be a known fact") String> facts) {

        Eligibility toEligibility() {
            return new Eligibility(tiers, facts);
        }
    }

    /** {@code POST /api/offers}. */
    record CreateOffer(
            @NotBlank @Pattern(regexp = ID, message = "must be a brand id") String brandId,
            @NotNull OfferType type,
            @NotBlank @Size(max = 120) String title,
            @Size(max = 2000) String description,
            @Pattern(regexp = IMAGE_URL, message = "must be an http(s) URL") String imageUrl,
            @NotNull Instant validFrom,
            @NotNull Instant validUntil,
            @NotEmpty @Size(max = 200)
                    List<@NotNull @Pattern(regexp = ID, message = "must be a store id") String> redeemableStoreIds,
            @NotNull @Min(1) @Max(MAX_STOCK) Integer totalStock,
            @NotNull @Min(1) @Max(MAX_PER_MEMBER) Integer perMemberLimit,
            @Min(0) @Max(MAX_POINTS_PRICE) Long pointsPrice,
            @Valid EligibilityRequest eligibility) {

        @AssertTrue(message = "validUntil must be after validFrom")
        boolean isWindowValid() {
            return validFrom == null || validUntil == null || validUntil.isAfter(validFrom);
        }

        @AssertTrue(message = "a POINTS_REWARD needs a points price above 0")
        boolean isPriceValid() {
            return type != OfferType.POINTS_REWARD || (pointsPrice != null && pointsPrice > 0);
        }

        @AssertTrue(message = "an EVENT_EXCLUSIVE offer needs an attended-event:{eventId} fact in eligibility.facts")
        boolean isEventExclusiveValid() {
            return type != OfferType.EVENT_EXCLUSIVE || requiresAttendance(eligibility);
        }
    }

    /** {@code PATCH /api/offers/{id}}: only the fields present change. */
    record EditOffer(
            @Size(min = 1, max = 120) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String title,
            @Size(max = 2000) String description,
            @Pattern(regexp = IMAGE_URL, message = "must be an http(s) URL") String imageUrl,
            Instant validFrom,
            Instant validUntil,
            @Size(min = 1, max = 200)
                    List<@NotNull @Pattern(regexp = ID, message = "must be a store id") String> redeemableStoreIds,
            @Min(1) @Max(MAX_STOCK) Integer totalStock,
            @Min(1) @Max(MAX_PER_MEMBER) Integer perMemberLimit,
            @Min(0) @Max(MAX_POINTS_PRICE) Long pointsPrice,
            @Valid EligibilityRequest eligibility) {}

    static boolean requiresAttendance(EligibilityRequest eligibility) {
        return eligibility != null
                && eligibility.facts() != null
                && eligibility.facts().stream().anyMatch(fact -> fact != null && fact.startsWith("attended-event:"));
    }
}
