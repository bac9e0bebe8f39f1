package io.quanzi.community.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.community.support.CommunityApiTest;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Query;
import reactor.test.StepVerifier;

class SigningKeysTest extends CommunityApiTest {

    @Autowired
    SigningKeys keys;

    @Autowired
    CheckInTokens tokens;

    @Autowired
    CheckInProperties properties;

    @Test
    void aRestartedInstanceSignsWithTheStoredKeyAndVerifiesEarlierCodes() {
        String code = tokens.issue("event-1", "member-1").token();
        long storedKeys = mongo.count(new Query(), SigningKey.class).block();
        SigningKey newest = mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")), SigningKey.class)
                .block();
        SigningKeys restarted = new SigningKeys(mongo, Clock.systemUTC());

        StepVerifier.create(restarted.load(Duration.ofDays(90))).verifyComplete();

        assertThat(restarted.signing().getKeyID()).isEqualTo(newest.kid());
        assertThat(mongo.count(new Query(), SigningKey.class).block())
                .as("no new key on restart")
                .isEqualTo(storedKeys);
        StepVerifier.create(new CheckInTokens(restarted, properties, Clock.systemUTC()).verify(code))
                .assertNext(verified -> assertThat(verified.memberId()).isEqualTo("member-1"))
                .verifyComplete();
    }

    @Test
    void rotationMakesANewSigningKeyWhileCodesSignedWithTheOldOneStillVerify() {
        String before = tokens.issue("event-1", "member-1").token();
        SigningKeys rotated = new SigningKeys(mongo, Clock.systemUTC());

        StepVerifier.create(rotated.load(Duration.ZERO)).verifyComplete();

        assertThat(rotated.signing().getKeyID()).isNotEqualTo(keys.signing().getKeyID());
        CheckInTokens afterRotation = new CheckInTokens(rotated, properties, Clock.systemUTC());
        StepVerifier.create(afterRotation.verify(before)).expectNextCount(1).verifyComplete();
        String after = afterRotation.issue("event-1", "member-2").token();
        StepVerifier.create(tokens.verify(after))
                .as("an instance that started before the rotation finds the new key in the database")
                .assertNext(verified -> assertThat(verified.memberId()).isEqualTo("member-2"))
                .verifyComplete();
        assertThat(rotated.publicJwks().get("keys").toString())
                .contains(keys.signing().getKeyID());
    }
}
