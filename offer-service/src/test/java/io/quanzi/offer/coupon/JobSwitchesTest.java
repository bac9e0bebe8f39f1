package io.quanzi.offer.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.platform.test.EmbeddedMongo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The points jobs and the claim recovery are switched on and off independently. */
@SpringBootTest(
        properties = {
            "quanzi.points.jobs.enabled=false",
            "quanzi.coupons.recovery.enabled=true",
            "quanzi.coupons.recovery.interval=1h"
        })
class JobSwitchesTest {

    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        EmbeddedMongo.register(registry, "job-switches-test");
    }

    @Test
    void claimRecoveryRunsWithoutTurningOnThePointsJobs() {
        assertThat(context.getBeansOfType(ScheduledTaskHolder.class).values().stream()
                        .flatMap(holder -> holder.getScheduledTasks().stream()))
                .as("no @Scheduled points job is scheduled")
                .isEmpty();
        assertThat(context.getBean(ClaimRecoverySchedule.class).isRunning()).isTrue();
    }
}
