package io.quanzi.member.consent;

import java.time.Instant;
import java.util.List;

/** A member's consent for one brand, with its history (newest last). */
record ConsentResponse(
        String brandId,
        boolean granted,
        String textVersion,
        ConsentChannel channel,
        Instant decidedAt,
        List<ConsentDecision> history) {

    static ConsentResponse of(Consent consent) {
        return new ConsentResponse(
                consent.brandId(),
                consent.granted(),
                consent.textVersion(),
                consent.channel(),
                consent.decidedAt(),
                consent.history() == null ? List.of() : consent.history());
    }
}
