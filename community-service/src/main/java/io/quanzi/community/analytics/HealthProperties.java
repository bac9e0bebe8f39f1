package io.quanzi.community.analytics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Thresholds of the community health label.
 *
 * @param seedingBelow fewer members than this: SEEDING
 * @param livelyAtLeast at least this many members, activity not falling and enough active: LIVELY
 * @param livelyMinActiveShare the share of members active in the last window that counts as "active"
 * @param crowdedAtLeast at least this many members and activity falling: CROWDED
 * @param decliningDrop activity (active members) falling by more than this fraction: DECLINING
 * @param window the two windows compared for the trend: the last one before {@code to}, and the one before it
 */
@ConfigurationProperties("quanzi.community.health")
record HealthProperties(
        Integer seedingBelow,
        Integer livelyAtLeast,
        Double livelyMinActiveShare,
        Integer crowdedAtLeast,
        Double decliningDrop,
        Duration window) {

    HealthProperties {
        seedingBelow = seedingBelow == null ? 30 : seedingBelow;
        livelyAtLeast = livelyAtLeast == null ? 80 : livelyAtLeast;
        livelyMinActiveShare = livelyMinActiveShare == null ? 0.10 : livelyMinActiveShare;
        crowdedAtLeast = crowdedAtLeast == null ? 500 : crowdedAtLeast;
        decliningDrop = decliningDrop == null ? 0.30 : decliningDrop;
        window = window == null ? Duration.ofDays(30) : window;
    }
}
