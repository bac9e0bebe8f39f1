package io.quanzi.member.brand;

import io.quanzi.platform.outbox.OutboxEntry;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A physical store of one brand. {@code outbox} carries its registration in offer-service's store
 * registry until acknowledged.
 */
@Document("stores")
record Store(
        @Id String id,
        String brandId,
        String name,
        String address,
        GeoPoint location,
        String openingHours,
        String timezone,
        StoreStatus status,
        Instant createdAt,
        Instant updatedAt,
        List<OutboxEntry> outbox) {

    record GeoPoint(double lat, double lon) {}
}
