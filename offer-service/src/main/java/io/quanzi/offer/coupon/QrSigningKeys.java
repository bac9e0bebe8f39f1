package io.quanzi.offer.coupon;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The ES256 keys of coupon QR tokens. At start: the key configured in
 * {@code quanzi.coupons.qr-signing-key} (a private EC P-256 JWK) if any; otherwise the newest key in
 * the {@code signing_keys} collection, or a new one generated and stored there when there is none or
 * the newest is older than {@code quanzi.coupons.qr-key-max-age} (rotation by restart). Older stored
 * keys stay published in the JWKS, so tokens signed just before a rotation still verify.
 */
@Component
class QrSigningKeys implements ApplicationRunner {

    static final String PURPOSE = "coupon-qr";
    static final int PUBLISHED_KEYS = 3;

    private static final Logger log = LoggerFactory.getLogger(QrSigningKeys.class);
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final String configuredKey;
    private final Duration maxAge;
    private final Map<String, ECKey> verificationKeys = new ConcurrentHashMap<>();
    private volatile ECKey signingKey;

    QrSigningKeys(
            ReactiveMongoTemplate mongo,
            Clock clock,
            @Value("${quanzi.coupons.qr-signing-key:}") String configuredKey,
            @Value("${quanzi.coupons.qr-key-max-age:90d}") Duration maxAge) {
        this.mongo = mongo;
        this.clock = clock;
        this.configuredKey = configuredKey;
        this.maxAge = maxAge;
    }

    @Override
    public void run(ApplicationArguments args) {
        ECKey key = load().block(Duration.ofSeconds(30));
        use(key);
    }

    Mono<ECKey> load() {
        if (configuredKey != null && !configuredKey.isBlank()) {
            return Mono.fromCallable(() -> parse(configuredKey));
        }
        Query newest = Query.query(Criteria.where("purpose").is(PURPOSE))
                .with(Sort.by(Sort.Direction.DESC, "createdAt"))
                .limit(1);
        return mongo.findOne(newest, SigningKey.class)
                .filter(stored -> stored.createdAt().isAfter(clock.instant().minus(maxAge)))
                .map(stored -> parse(stored.jwk()))
                .switchIfEmpty(Mono.defer(this::generate));
    }

    private Mono<ECKey> generate() {
        return Mono.fromCallable(() -> new ECKeyGenerator(Curve.P_256)
                        .keyUse(KeyUse.SIGNATURE)
                        .keyID(PURPOSE + "-" + randomId())
                        .issueTime(java.util.Date.from(clock.instant()))
                        .generate())
                .flatMap(key -> mongo.insert(
                                new SigningKey(key.getKeyID(), PURPOSE, key.toJSONString(), clock.instant()))
                        .doOnNext(saved -> log.info("Generated coupon QR signing key {}", saved.id()))
                        .thenReturn(key));
    }

    private void use(ECKey key) {
        signingKey = key;
        verificationKeys.put(key.getKeyID(), key.toPublicJWK());
    }

    /** The key new tokens are signed with (private). */
    ECKey signingKey() {
        ECKey key = signingKey;
        if (key == null) {
            throw new IllegalStateException("The QR signing key is not loaded yet");
        }
        return key;
    }

    /** The public key with this id, from memory or the store; empty for an unknown id. */
    Mono<ECKey> verificationKey(String keyId) {
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            return Mono.empty();
        }
        ECKey known = verificationKeys.get(keyId);
        if (known != null) {
            return Mono.just(known);
        }
        return mongo.findOne(
                        Query.query(
                                Criteria.where("_id").is(keyId).and("purpose").is(PURPOSE)),
                        SigningKey.class)
                .map(stored -> parse(stored.jwk()).toPublicJWK())
                .doOnNext(key -> verificationKeys.put(keyId, key));
    }

    /** The public keys as a JWK set: the current key and the newest stored ones. */
    Mono<Map<String, Object>> jwks() {
        Query newest = Query.query(Criteria.where("purpose").is(PURPOSE))
                .with(Sort.by(Sort.Direction.DESC, "createdAt"))
                .limit(PUBLISHED_KEYS);
        return mongo.find(newest, SigningKey.class)
                .map(stored -> (JWK) parse(stored.jwk()).toPublicJWK())
                .filter(key -> !key.getKeyID().equals(signingKey().getKeyID()))
                .collectList()
                .map(stored -> {
                    List<JWK> keys = new java.util.ArrayList<>();
                    keys.add(signingKey().toPublicJWK());
                    keys.addAll(stored);
                    return new JWKSet(keys).toJSONObject(true);
                });
    }

    private static ECKey parse(String json) {
        try {
            ECKey key = ECKey.parse(json);
            if (!Curve.P_256.equals(key.getCurve()) || !key.isPrivate()) {
                throw new IllegalStateException("A coupon QR signing key must be a private EC P-256 JWK");
            }
            return key;
        } catch (ParseException unreadable) {
            throw new IllegalStateException("The coupon QR signing key is not a readable JWK", unreadable);
        }
    }

    private static String randomId() {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
