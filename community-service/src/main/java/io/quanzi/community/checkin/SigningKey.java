package io.quanzi.community.checkin;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One check-in token signing key (EC P-256, ES256) as a JWK with its private part. Kept in the service's database so
 * that every instance and every restart signs and verifies with the same keys.
 */
@Document("signing_keys")
record SigningKey(@Id String kid, String jwk, Instant createdAt) {}
