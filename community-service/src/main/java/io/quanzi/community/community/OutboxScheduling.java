package io.quanzi.community.community;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the outbox relays' schedules (membership facts here, first-post points in posts). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OutboxScheduling {}
