package io.quanzi.platform.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.quanzi.platform.test.EmbeddedMongo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import reactor.test.StepVerifier;

class RotatingSigningKeysTest {

    private static MongoClient client;
    private static ReactiveMongoTemplate mongo;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private String collection;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(EmbeddedMongo.uri("platform-keys"));
        mongo = new ReactiveMongoTemplate(client, "platform-keys");
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void freshCollection() {
        collection = "keys_" + UUID.randomUUID().toString().replace("-", "");
    }

    private RotatingSigningKeys started(Duration rotation, int retained) {
        RotatingSigningKeys keys = new RotatingSigningKeys(
                mongo, clock, SigningKeyPolicy.rotating(collection, "checkin", rotation, retained, null));
        keys.run(null);
        keys.signingKey().block();
        return keys;
    }

    private long stored() {
        return mongo.count(new Query(), collection).block();
    }

    @Test
    void theFirstStartMakesOneKeyWithTheConfiguredPrefix() {
        RotatingSigningKeys keys = started(Duration.ofDays(90), 3);

        assertThat(stored()).isOne();
        assertThat(keys.signing().getKeyID()).matches("checkin-2026-03-01T100000Z-[A-Za-z0-9_-]{8}");
        assertThat(keys.signing().isPrivate()).isTrue();
        assertThat(keys.signing().getCurve()).isEqualTo(Curve.P_256);
    }

    @Test
    void aRestartBeforeTheRotationIsDueSignsWithTheStoredKey() {
        RotatingSigningKeys first = started(Duration.ofDays(90), 3);
        clock.advance(Duration.ofDays(89));

        RotatingSigningKeys restarted = started(Duration.ofDays(90), 3);

        assertThat(restarted.signing().getKeyID()).isEqualTo(first.signing().getKeyID());
        assertThat(stored()).as("no new key on restart").isOne();
    }

    @Test
    void aRestartAfterTheRotationPeriodSignsWithANewKeyAndTheOldOneStillVerifies() {
        RotatingSigningKeys first = started(Duration.ofDays(90), 3);
        String oldKid = first.signing().getKeyID();
        clock.advance(Duration.ofDays(90));

        RotatingSigningKeys rotated = started(Duration.ofDays(90), 3);

        assertThat(rotated.signing().getKeyID()).isNotEqualTo(oldKid);
        assertThat(stored()).isEqualTo(2);
        StepVerifier.create(rotated.verifying(oldKid))
                .assertNext(key ->
                        assertThat(key.isPrivate()).as("only the public part").isFalse())
                .verifyComplete();
    }

    @Test
    void anInstanceStartedBeforeARotationFindsTheNewKeyInTheDatabase() {
        RotatingSigningKeys early = started(Duration.ofDays(90), 3);
        clock.advance(Duration.ofDays(91));
        RotatingSigningKeys later = started(Duration.ofDays(90), 3);

        StepVerifier.create(early.verifying(later.signing().getKeyID()))
                .assertNext(key ->
                        assertThat(key.getKeyID()).isEqualTo(later.signing().getKeyID()))
                .verifyComplete();
    }

    @Test
    void theJwksPublishesTheSigningKeyFirstThenTheRetainedKeysWithoutPrivateParts() {
        RotatingSigningKeys keys = null;
        for (int i = 0; i < 4; i++) {
            keys = started(Duration.ZERO, 3);
            clock.advance(Duration.ofMinutes(1));
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> published =
                (List<Map<String, Object>>) keys.jwks().block().get("keys");

        assertThat(stored()).isEqualTo(4);
        assertThat(published).hasSize(3);
        assertThat(published.get(0)).containsEntry("kid", keys.signing().getKeyID());
        assertThat(published).allSatisfy(key -> {
            assertThat(key).doesNotContainKey("d");
            assertThat(key).containsEntry("kty", "EC").containsEntry("crv", "P-256");
            assertThat(key).containsEntry("use", "sig").containsEntry("alg", "ES256");
        });
    }

    @Test
    void aKeyBeyondTheRetainedOnesNoLongerVerifies() {
        String oldest = started(Duration.ZERO, 2).signing().getKeyID();
        clock.advance(Duration.ofMinutes(1));
        started(Duration.ZERO, 2);
        clock.advance(Duration.ofMinutes(1));
        RotatingSigningKeys latest = started(Duration.ZERO, 2);

        StepVerifier.create(latest.verifying(oldest)).verifyComplete();
    }

    @Test
    void unknownAndMalformedKeyIdsVerifyNothing() {
        RotatingSigningKeys keys = started(Duration.ofDays(90), 3);

        StepVerifier.create(keys.verifying("checkin-unknown")).verifyComplete();
        StepVerifier.create(keys.verifying("{\"$ne\":null}")).verifyComplete();
        StepVerifier.create(keys.verifying(null)).verifyComplete();
    }

    @Test
    void aConfiguredKeySignsAsIsAndNothingIsStored() throws Exception {
        ECKey configured = new ECKeyGenerator(Curve.P_256).keyID("from-vault-1").generate();
        RotatingSigningKeys keys = new RotatingSigningKeys(
                mongo,
                clock,
                SigningKeyPolicy.rotating(collection, "coupon-qr", Duration.ofDays(90), 3, Duration.ofMinutes(1))
                        .withConfiguredJwk(configured.toJSONString()));

        keys.run(null);

        assertThat(keys.signing().getKeyID()).isEqualTo("from-vault-1");
        assertThat(stored()).isZero();
        assertThat(keys.jwks().block().get("keys").toString()).contains("from-vault-1");
        assertThat(keys.jwksCacheControl().getHeaderValue()).isEqualTo("max-age=60");
    }

    @Test
    void aConfiguredPublicKeyIsRefusedAtStartUp() throws Exception {
        ECKey publicOnly = new ECKeyGenerator(Curve.P_256).generate().toPublicJWK();
        RotatingSigningKeys keys = new RotatingSigningKeys(
                mongo,
                clock,
                SigningKeyPolicy.rotating(collection, "coupon-qr", Duration.ofDays(90), 3, null)
                        .withConfiguredJwk(publicOnly.toJSONString()));

        assertThatThrownBy(() -> keys.run(null)).hasMessageContaining("private EC P-256");
    }

    @Test
    void callersAskingWhileTheFirstLoadRunsShareItAndOneKeyIsMade() {
        RotatingSigningKeys keys = new RotatingSigningKeys(
                mongo, clock, SigningKeyPolicy.rotating(collection, "checkin", Duration.ofDays(90), 3, null));

        List<String> kids = reactor.core.publisher.Flux.range(0, 8)
                .flatMap(i -> keys.signingKey())
                .map(ECKey::getKeyID)
                .distinct()
                .collectList()
                .block();

        assertThat(kids).hasSize(1);
        assertThat(stored()).isOne();
    }

    @Test
    void signingBeforeLoadingIsAnError() {
        RotatingSigningKeys keys = new RotatingSigningKeys(
                mongo, clock, SigningKeyPolicy.rotating(collection, "checkin", Duration.ofDays(1), 3, null));

        assertThatThrownBy(keys::signing).isInstanceOf(IllegalStateException.class);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
