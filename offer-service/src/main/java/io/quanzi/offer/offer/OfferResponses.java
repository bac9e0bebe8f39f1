package io.quanzi.offer.offer;

import java.time.Instant;
import java.util.List;

/** Response bodies of the offer endpoints: allow-lists, never the stored document. */
final class OfferResponses {

    private OfferResponses() {}

    record EligibilityView(List<String> tiers, List<String> facts) {

        static EligibilityView of(Eligibility eligibility) {
            return new EligibilityView(eligibility.tiers(), eligibility.facts());
        }
    }

    /** What a brand admin sees of an offer, stock included. */
    record AdminOffer(
            String id,
            String brandId,
            OfferType type,
            String title,
            String description,
            String imageUrl,
            Instant validFrom,
            Instant validUntil,
            List<String> redeemableStoreIds,
            int totalStock,
            long remainingStock,
            int perMemberLimit,
            long pointsPrice,
            EligibilityView eligibility,
            OfferStatus status,
            boolean soldOut,
            Instant createdAt,
            Instant updatedAt) {

        static AdminOffer of(Offer offer, long remaining) {
            return new AdminOffer(
                    offer.id(),
                    offer.brandId(),
                    offer.type(),
                    offer.title(),
                    offer.description(),
                    offer.imageUrl(),
                    offer.validFrom(),
                    offer.validUntil(),
                    offer.redeemableStoreIds(),
                    offer.totalStock(),
                    remaining,
                    offer.perMemberLimit(),
                    offer.pointsPrice(),
                    EligibilityView.of(offer.eligibility()),
                    offer.status(),
                    offer.soldOut(),
                    offer.createdAt(),
                    offer.updatedAt());
        }
    }

    /** What a member sees of an offer they may claim. */
    record MemberOffer(
            String id,
            String brandId,
            OfferType type,
            String title,
            String description,
            String imageUrl,
            Instant validFrom,
            Instant validUntil,
            List<String> redeemableStoreIds,
            int perMemberLimit,
            long pointsPrice,
            boolean started,
            boolean soldOut) {

        static MemberOffer of(Offer offer, Instant now) {
            return new MemberOffer(
                    offer.id(),
                    offer.brandId(),
                    offer.type(),
                    offer.title(),
                    offer.description(),
                    offer.imageUrl(),
                    offer.validFrom(),
                    offer.validUntil(),
                    offer.redeemableStoreIds(),
                    offer.perMemberLimit(),
                    offer.pointsPrice(),
                    !now.isBefore(offer.validFrom()),
                    offer.soldOut());
        }
    }
}
