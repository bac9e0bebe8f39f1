package io.quanzi.offer.brand;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A store of a brand, as member-service (which owns stores) registered it here. */
@Document("brand_stores")
record BrandStore(@Id String storeId, String brandId, Instant registeredAt) {}
