package io.quanzi.community.analytics;

/** A community's health from its size and the trend of its active members. */
enum Health {
    SEEDING,
    GROWING,
    LIVELY,
    CROWDED,
    DECLINING;

    /**
     * In this order: small communities are SEEDING; big ones whose activity falls are CROWDED;
     * activity falling by more than the threshold is DECLINING; big, not falling and active enough
     * is LIVELY; anything else is GROWING.
     */
    static Health of(long members, long activeLast, long activePrevious, HealthProperties limits) {
        if (members < limits.seedingBelow()) {
            return SEEDING;
        }
        double trend = trend(activeLast, activePrevious);
        boolean falling = trend < 0;
        if (members >= limits.crowdedAtLeast() && falling) {
            return CROWDED;
        }
        if (-trend > limits.decliningDrop()) {
            return DECLINING;
        }
        if (members >= limits.livelyAtLeast() && !falling && activeLast >= limits.livelyMinActiveShare() * members) {
            return LIVELY;
        }
        return GROWING;
    }

    /** Relative change of active members from the previous window to the last (0 when both are 0). */
    static double trend(long last, long previous) {
        if (previous == 0) {
            return last > 0 ? 1.0 : 0.0;
        }
        return (double) (last - previous) / previous;
    }
}
