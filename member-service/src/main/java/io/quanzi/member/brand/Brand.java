package io.quanzi.member.brand;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A brand: the tenant every club, community and offer belongs to. Its id is a slug chosen at creation. */
@Document("brands")
record Brand(
        @Id String id,
        String name,
        String slug,
        String logoUrl,
        String description,
        String defaultLocale,
        String timezone,
        Instant createdAt,
        Instant updatedAt) {}
