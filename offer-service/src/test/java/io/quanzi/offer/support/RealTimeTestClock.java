package io.quanzi.offer.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the app's clock with the real time plus an offset the offer and coupon tests move. */
@TestConfiguration(proxyBeanMethods = false)
class RealTimeTestClock {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }
}
