package io.quanzi.offer.fact;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Who holds a brand's member number, as member-service told us with the {@code club-member} fact.
 * Unique per (brand, number): numbers are never reused, so a mapping is written once and never changes.
 */
@Document("member_numbers")
record MemberNumber(@Id String id, String brandId, long memberNumber, String memberId, Instant recordedAt) {}
