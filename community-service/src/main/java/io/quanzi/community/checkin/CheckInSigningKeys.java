package io.quanzi.community.checkin;

import io.quanzi.platform.keys.RotatingSigningKeys;
import io.quanzi.platform.keys.SigningKeyPolicy;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;

/**
 * The check-in signing keys: platform's rotating ES256 store over the {@code signing_keys} collection, key ids
 * {@code checkin-…}, rotated at start-up after {@code quanzi.community.checkin.key-rotation}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CheckInProperties.class)
class CheckInSigningKeys {

    static final String COLLECTION = "signing_keys";
    static final String KEY_ID_PREFIX = "checkin";

    @Bean
    RotatingSigningKeys checkInTokenKeys(ReactiveMongoOperations mongo, Clock clock, CheckInProperties properties) {
        return new RotatingSigningKeys(mongo, clock, policy(properties));
    }

    static SigningKeyPolicy policy(CheckInProperties properties) {
        return SigningKeyPolicy.rotating(
                COLLECTION,
                KEY_ID_PREFIX,
                properties.keyRotation(),
                properties.keysRetained(),
                properties.jwksMaxAge());
    }
}
