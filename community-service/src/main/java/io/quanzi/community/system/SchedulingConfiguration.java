package io.quanzi.community.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduled jobs (the check-in outbox relay). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {}
