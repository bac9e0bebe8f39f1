package io.quanzi.platform.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.CacheControl;
import reactor.core.publisher.Mono;

/**
 * The rotating ES256 keys of one kind of signed token (check-in codes, coupon QR codes). The newest key signs; the
 * {@link SigningKeyPolicy#retainedKeys() retained} newest stored keys verify and are published as a JWKS, so tokens
 * signed just before a rotation, or by another instance, stay valid. Rotation is by restart: at start-up a new key is
 * made once the newest is older than {@link SigningKeyPolicy#rotation()}. A configured key, when set, signs instead
 * and nothing is stored.
 *
 * <p>A service declares one bean of this class per token kind. Being an {@link ApplicationRunner}, it checks a
 * configured key at start-up (a bad one stops the app) and starts loading the stored keys without waiting for them;
 * {@link #signingKey()} waits for that load, once, and nothing here blocks a thread.
 */
public class RotatingSigningKeys implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RotatingSigningKeys.class);

    /** Every key id this store makes or accepts: anything else is unknown before any database lookup. */
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReactiveMongoOperations mongo;
    private final Clock clock;
    private final SigningKeyPolicy policy;
    private final Map<String, ECKey> verifying = new ConcurrentHashMap<>();
    private volatile ECKey signing;

    /** The one load of the stored keys: shared by everyone who asks while it runs, tried again if it failed. */
    private final Mono<ECKey> loaded =
            Mono.defer(() -> load().then(Mono.fromSupplier(this::signing))).cacheInvalidateIf(key -> false);

    public RotatingSigningKeys(ReactiveMongoOperations mongo, Clock clock, SigningKeyPolicy policy) {
        this.mongo = mongo;
        this.clock = clock;
        this.policy = policy;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!policy.configuredJwk().isEmpty()) {
            installConfigured();
            return;
        }
        loaded.subscribe(
                key -> {},
                failure -> log.error(
                        "Could not load the {} signing keys; the first token that needs one tries again",
                        policy.keyIdPrefix(),
                        failure));
    }

    /** The key new tokens are signed with (private part included), once the keys are loaded. */
    public Mono<ECKey> signingKey() {
        ECKey key = signing;
        return key != null ? Mono.just(key) : loaded;
    }

    /** Loads the keys, making one if there is none or the newest is due for rotation. */
    public Mono<Void> load() {
        if (!policy.configuredJwk().isEmpty()) {
            return Mono.fromRunnable(this::installConfigured);
        }
        return retained()
                .flatMap(found -> {
                    Instant now = clock.instant();
                    boolean due = found.isEmpty()
                            || !found.get(0).createdAt().plus(policy.rotation()).isAfter(now);
                    return due ? generate(now).then(retained()) : Mono.just(found);
                })
                .doOnNext(found -> {
                    found.forEach(stored -> verifying.put(stored.kid(), publicPart(stored)));
                    signing = parse(found.get(0).jwk(), "key " + found.get(0).kid());
                    log.info(
                            "{} tokens are signed with key {} ({} keys verify)",
                            policy.keyIdPrefix(),
                            signing.getKeyID(),
                            found.size());
                })
                .then();
    }

    /** A configured key signs as is: parsed and checked, nothing stored (no I/O). */
    private void installConfigured() {
        ECKey key = parse(policy.configuredJwk(), "the configured key");
        verifying.put(key.getKeyID(), key.toPublicJWK());
        signing = key;
        log.info("{} tokens are signed with the configured key {}", policy.keyIdPrefix(), key.getKeyID());
    }

    /** The signing key, for callers that know the keys are loaded (after {@link #signingKey()} emitted). */
    public ECKey signing() {
        ECKey key = signing;
        if (key == null) {
            throw new IllegalStateException("The " + policy.keyIdPrefix() + " signing keys are not loaded yet");
        }
        return key;
    }

    /**
     * The public key with this id: from memory, or from the database when another instance made it after this one
     * started. Empty for an unknown, retired or malformed id.
     */
    public Mono<ECKey> verifying(String kid) {
        if (kid == null || !KEY_ID.matcher(kid).matches()) {
            return Mono.empty();
        }
        ECKey known = verifying.get(kid);
        if (known != null) {
            return Mono.just(known);
        }
        if (!policy.configuredJwk().isEmpty()) {
            return Mono.empty();
        }
        return retained()
                .flatMapIterable(keys -> keys)
                .filter(stored -> stored.kid().equals(kid))
                .next()
                .map(stored -> {
                    ECKey key = publicPart(stored);
                    verifying.put(kid, key);
                    return key;
                });
    }

    /** The public keys as a JWK set: the signing key first, then the other retained keys, newest first. */
    public Mono<Map<String, Object>> jwks() {
        Mono<List<StoredSigningKey>> others = policy.configuredJwk().isEmpty() ? retained() : Mono.just(List.of());
        return signingKey()
                .flatMap(current -> others.map(stored -> {
                    List<JWK> keys = new ArrayList<>();
                    keys.add(current.toPublicJWK());
                    stored.stream()
                            .filter(key -> !key.kid().equals(current.getKeyID()))
                            .map(this::publicPart)
                            .forEach(keys::add);
                    return new JWKSet(keys).toJSONObject(true);
                }));
    }

    /** How long clients may cache {@link #jwks()}. */
    public CacheControl jwksCacheControl() {
        return CacheControl.maxAge(policy.jwksMaxAge());
    }

    public SigningKeyPolicy policy() {
        return policy;
    }

    private Mono<List<StoredSigningKey>> retained() {
        Query newest =
                new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(policy.retainedKeys());
        return mongo.find(newest, StoredSigningKey.class, policy.collection()).collectList();
    }

    private Mono<StoredSigningKey> generate(Instant now) {
        Instant createdAt = now.truncatedTo(ChronoUnit.MILLIS);
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256)
                    .keyID(policy.keyIdPrefix() + "-"
                            + createdAt
                                    .truncatedTo(ChronoUnit.SECONDS)
                                    .toString()
                                    .replace(":", "") + "-"
                            + randomSuffix())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .issueTime(Date.from(createdAt))
                    .generate();
            log.info("Made {} signing key {}", policy.keyIdPrefix(), key.getKeyID());
            return mongo.insert(
                    new StoredSigningKey(key.getKeyID(), key.toJSONString(), createdAt), policy.collection());
        } catch (JOSEException impossible) {
            return Mono.error(new IllegalStateException("Cannot make an EC P-256 key", impossible));
        }
    }

    private ECKey publicPart(StoredSigningKey stored) {
        return parse(stored.jwk(), "key " + stored.kid()).toPublicJWK();
    }

    private ECKey parse(String json, String what) {
        try {
            ECKey key = ECKey.parse(json);
            if (!Curve.P_256.equals(key.getCurve()) || !key.isPrivate()) {
                throw new IllegalStateException(
                        "A " + policy.keyIdPrefix() + " signing key must be a private EC P-256 JWK: " + what);
            }
            return key;
        } catch (ParseException unreadable) {
            throw new IllegalStateException(
                    "The " + policy.keyIdPrefix() + " signing key is not a readable JWK: " + what, unreadable);
        }
    }

    private static String randomSuffix() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
