package io.quanzi.community.checkin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The check-in signing keys. The newest key signs; every stored key verifies (so tokens signed just before a
 * rotation, or by another instance, stay valid). Rotation: a new key is made at start-up once the newest is older
 * than {@code quanzi.community.checkin.key-rotation}; to retire a key, delete its document (tokens live under a
 * minute, so a key can go a few minutes after it stopped signing).
 */
@Component
class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final Map<String, ECKey> keys = new ConcurrentHashMap<>();
    private volatile ECKey signing;

    SigningKeys(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Loads the keys, making one if there is none or the newest is due for rotation. */
    Mono<Void> load(java.time.Duration rotation) {
        return stored().flatMap(found -> {
                    Instant now = clock.instant();
                    boolean due = found.isEmpty()
                            || found.get(0).createdAt().plus(rotation).isBefore(now);
                    return due ? generate(now).then(stored()) : Mono.just(found);
                })
                .doOnNext(found -> {
                    found.forEach(this::remember);
                    signing = keys.get(found.get(0).kid());
                    log.info(
                            "Check-in tokens are signed with key {} ({} keys can verify)",
                            signing.getKeyID(),
                            keys.size());
                })
                .then();
    }

    ECKey signing() {
        if (signing == null) {
            throw new IllegalStateException("The check-in signing keys are not loaded yet");
        }
        return signing;
    }

    /** The key with this id, looked up in the database when another instance made it after this one started. */
    Mono<ECKey> verifying(String kid) {
        ECKey known = keys.get(kid);
        if (known != null) {
            return Mono.just(known);
        }
        return mongo.findById(kid, SigningKey.class).map(this::remember);
    }

    /** The public keys, as a JWK set. */
    Map<String, Object> publicJwks() {
        List<com.nimbusds.jose.jwk.JWK> published = keys.values().stream()
                .sorted(Comparator.comparing(ECKey::getKeyID))
                .map(key -> (com.nimbusds.jose.jwk.JWK) key.toPublicJWK())
                .toList();
        return new JWKSet(published).toJSONObject(true);
    }

    private Mono<List<SigningKey>> stored() {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")), SigningKey.class)
                .collectList();
    }

    private Mono<SigningKey> generate(Instant now) {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256)
                    .keyID("checkin-"
                            + now.truncatedTo(ChronoUnit.SECONDS).toString().replace(":", "") + "-"
                            + UUID.randomUUID().toString().substring(0, 8))
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(com.nimbusds.jose.JWSAlgorithm.ES256)
                    .generate();
            log.info("Made check-in signing key {}", key.getKeyID());
            return mongo.insert(new SigningKey(key.getKeyID(), key.toJSONString(), now.truncatedTo(ChronoUnit.MILLIS)));
        } catch (JOSEException impossible) {
            return Mono.error(new IllegalStateException("Cannot make an EC P-256 key", impossible));
        }
    }

    private ECKey remember(SigningKey stored) {
        try {
            ECKey key = ECKey.parse(stored.jwk());
            keys.put(stored.kid(), key);
            return key;
        } catch (ParseException broken) {
            throw new IllegalStateException("Signing key " + stored.kid() + " is not a valid EC JWK", broken);
        }
    }
}
