package io.quanzi.platform.keys;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How one kind of token's ES256 keys rotate.
 *
 * @param collection the MongoDB collection the keys are kept in (private parts included)
 * @param keyIdPrefix the start of every key id this store makes ({@code checkin}, {@code coupon-qr})
 * @param rotation a new key is made at start-up once the newest stored key is older than this
 * @param retainedKeys how many of the newest stored keys are published in the JWKS and still verify
 * @param jwksMaxAge how long a client may cache the JWKS ({@code Cache-Control: max-age})
 * @param configuredJwk a private EC P-256 JWK to sign with instead of stored keys (from a secret store); blank for
 *     none
 */
public record SigningKeyPolicy(
        String collection,
        String keyIdPrefix,
        Duration rotation,
        int retainedKeys,
        Duration jwksMaxAge,
        String configuredJwk) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,30}");

    public SigningKeyPolicy {
        Objects.requireNonNull(collection, "collection");
        if (keyIdPrefix == null || !NAME.matcher(keyIdPrefix).matches()) {
            throw new IllegalArgumentException("A key id prefix is a short lower-case name, not " + keyIdPrefix);
        }
        if (rotation == null || rotation.isNegative()) {
            throw new IllegalArgumentException("The rotation period must be zero or positive");
        }
        if (retainedKeys < 1) {
            throw new IllegalArgumentException("At least the signing key is retained");
        }
        jwksMaxAge = jwksMaxAge == null ? Duration.ofMinutes(5) : jwksMaxAge;
        configuredJwk = configuredJwk == null ? "" : configuredJwk.strip();
    }

    /** Keys made by the store, rotated every {@code rotation}, no configured key. */
    public static SigningKeyPolicy rotating(
            String collection, String keyIdPrefix, Duration rotation, int retainedKeys, Duration jwksMaxAge) {
        return new SigningKeyPolicy(collection, keyIdPrefix, rotation, retainedKeys, jwksMaxAge, "");
    }

    /** The same policy, signing with this configured key when it is not blank. */
    public SigningKeyPolicy withConfiguredJwk(String jwk) {
        return new SigningKeyPolicy(collection, keyIdPrefix, rotation, retainedKeys, jwksMaxAge, jwk);
    }
}
