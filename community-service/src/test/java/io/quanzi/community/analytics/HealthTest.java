package io.quanzi.community.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HealthTest {

    final HealthProperties defaults = new HealthProperties(null, null, null, null, null, null);

    @Test
    void smallCommunitiesAreSeedingWhateverTheirActivity() {
        assertThat(Health.of(29, 29, 1, defaults)).isEqualTo(Health.SEEDING);
    }

    @Test
    void bigActiveCommunityWithSteadyActivityIsLively() {
        assertThat(Health.of(80, 20, 20, defaults)).isEqualTo(Health.LIVELY);
        assertThat(Health.of(80, 5, 4, defaults)).as("too few active members").isEqualTo(Health.GROWING);
    }

    @Test
    void veryBigCommunityWithFallingActivityIsCrowded() {
        assertThat(Health.of(500, 95, 100, defaults)).isEqualTo(Health.CROWDED);
        assertThat(Health.of(499, 95, 100, defaults)).isEqualTo(Health.GROWING);
    }

    @Test
    void activityFallingByMoreThanThirtyPercentIsDeclining() {
        assertThat(Health.of(100, 69, 100, defaults)).isEqualTo(Health.DECLINING);
        assertThat(Health.of(100, 70, 100, defaults))
                .as("exactly 30 % is not more than 30 %")
                .isEqualTo(Health.GROWING);
    }

    @Test
    void thresholdsAreConfigurable() {
        HealthProperties strict = new HealthProperties(10, 20, 0.5, 50, 0.1, null);
        assertThat(Health.of(15, 1, 1, strict)).isEqualTo(Health.GROWING);
        assertThat(Health.of(20, 10, 10, strict)).isEqualTo(Health.LIVELY);
        assertThat(Health.of(30, 8, 10, strict)).isEqualTo(Health.DECLINING);
    }
}
