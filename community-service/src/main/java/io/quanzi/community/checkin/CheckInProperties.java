package io.quanzi.community.checkin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Check-in settings.
 *
 * @param tokenTtl how long a check-in QR token is valid (the app refreshes it before)
 * @param clockSkew leeway for clocks when judging a token's expiry and an offline scan's time
 * @param keyRotation a new signing key is made at start-up once the newest is older than this; older keys stay
 *     published (JWKS) and valid for verification while they are among the {@code keysRetained} newest
 * @param keysRetained how many of the newest signing keys verify and are published
 * @param jwksMaxAge how long the staff app may cache the JWKS
 * @param batchLimit the most scans one offline batch may carry
 * @param maxOfflineAge how long a scan queued offline may wait before it is synced; older scans are refused, so a
 *     code captured at the door cannot be turned into a check-in days later
 */
@ConfigurationProperties("quanzi.community.checkin")
record CheckInProperties(
        Duration tokenTtl,
        Duration clockSkew,
        Duration keyRotation,
        Integer keysRetained,
        Duration jwksMaxAge,
        Integer batchLimit,
        Duration maxOfflineAge) {

    CheckInProperties {
        tokenTtl = tokenTtl == null ? Duration.ofSeconds(45) : tokenTtl;
        clockSkew = clockSkew == null ? Duration.ofSeconds(5) : clockSkew;
        keyRotation = keyRotation == null ? Duration.ofDays(90) : keyRotation;
        keysRetained = keysRetained == null ? 3 : keysRetained;
        jwksMaxAge = jwksMaxAge == null ? Duration.ofMinutes(5) : jwksMaxAge;
        batchLimit = batchLimit == null ? 100 : batchLimit;
        maxOfflineAge = maxOfflineAge == null ? Duration.ofHours(24) : maxOfflineAge;
    }
}
