package io.quanzi.offer.system;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on the scheduled jobs (points recovery, expiry, tier review, purchase recovery). Tests
 * switch them off with {@code quanzi.points.jobs.enabled=false} and run them by hand. Several
 * instances may run the jobs at once: every step they take is idempotent.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "quanzi.points.jobs.enabled", havingValue = "true", matchIfMissing = true)
class Scheduling {}
