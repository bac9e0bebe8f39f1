package io.quanzi.offer.fact;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Something another service told us about a member at a brand ({@code core-group:C},
 * {@code attended-event:E}, ...), kept locally so offer eligibility never calls back. One document
 * per (member, brand, fact): a unique index makes repeated pushes harmless.
 */
@Document("member_facts")
record MemberFact(@Id String id, String memberId, String brandId, String fact, Instant recordedAt) {}
