package io.quanzi.member.consent;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member's marketing consent for one brand: the current decision and every decision before it
 * (what text version, when, through which channel). One document per member and brand.
 */
@Document("consents")
record Consent(
        @Id String id,
        String memberId,
        String brandId,
        boolean granted,
        String textVersion,
        ConsentChannel channel,
        Instant decidedAt,
        List<ConsentDecision> history) {}
