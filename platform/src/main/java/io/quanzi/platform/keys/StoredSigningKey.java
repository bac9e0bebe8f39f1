package io.quanzi.platform.keys;

import java.time.Instant;
import org.springframework.data.annotation.Id;

/**
 * One stored signing key: the private EC P-256 JWK, so that every instance and every restart signs and verifies
 * with the same keys. The collection is named by the {@link SigningKeyPolicy}.
 */
record StoredSigningKey(@Id String kid, String jwk, Instant createdAt) {}
