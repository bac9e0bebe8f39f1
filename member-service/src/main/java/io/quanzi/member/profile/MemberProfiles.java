package io.quanzi.member.profile;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.quanzi.member.brand.Brands;
import java.time.Clock;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Finds the caller's profile, creating it from the token's claims on the first call, and edits it. */
@Service
class MemberProfiles {

    private final MemberProfileRepository repository;
    private final ReactiveMongoTemplate mongo;
    private final Brands brands;
    private final Clock clock;

    MemberProfiles(MemberProfileRepository repository, ReactiveMongoTemplate mongo, Brands brands, Clock clock) {
        this.repository = repository;
        this.mongo = mongo;
        this.brands = brands;
        this.clock = clock;
    }

    /**
     * Concurrent first calls race to insert; the unique index on {@code subject} lets exactly one
     * win and the others read the winner's profile.
     */
    Mono<MemberProfileResponse> currentMember(Jwt token) {
        return findOrCreate(token).map(MemberProfileResponse::of);
    }

    /** Applies the allow-listed changes in one atomic update, after checking preferred stores exist. */
    Mono<MemberProfileResponse> update(Jwt token, ProfilePatch patch) {
        Map<String, String> stores = patch.preferredStores() == null ? Map.of() : patch.preferredStores();
        Mono<Void> storesExist = Flux.fromIterable(stores.entrySet())
                .filter(entry -> entry.getValue() != null)
                .concatMap(entry -> brands.requireStoreOf(entry.getKey(), entry.getValue()))
                .then();
        return storesExist
                .then(findOrCreate(token))
                .flatMap(profile -> {
                    Update update = new Update().set("updatedAt", clock.instant());
                    if (patch.displayName() != null) {
                        update.set("displayName", patch.displayName().strip());
                    }
                    setOrClear(update, "avatarUrl", patch.avatarUrl());
                    setOrClear(update, "phone", patch.phone());
                    if (patch.locale() != null) {
                        update.set("locale", patch.locale());
                    }
                    stores.forEach((brandId, storeId) -> {
                        // Keys are validated slugs, so they cannot smuggle a path or an operator.
                        if (storeId == null) {
                            update.unset("preferredStores." + brandId);
                        } else {
                            update.set("preferredStores." + brandId, storeId);
                        }
                    });
                    return mongo.findAndModify(
                            Query.query(where("_id").is(profile.id())),
                            update,
                            FindAndModifyOptions.options().returnNew(true),
                            MemberProfile.class);
                })
                .map(MemberProfileResponse::of);
    }

    private static void setOrClear(Update update, String field, String value) {
        if (value == null) {
            return;
        }
        if (value.isEmpty()) {
            update.unset(field);
        } else {
            update.set(field, value);
        }
    }

    private Mono<MemberProfile> findOrCreate(Jwt token) {
        return repository
                .findBySubject(token.getSubject())
                .switchIfEmpty(Mono.defer(() -> repository.insert(newProfile(token))))
                .onErrorResume(DuplicateKeyException.class, raced -> repository.findBySubject(token.getSubject()));
    }

    private MemberProfile newProfile(Jwt token) {
        return MemberProfile.fromToken(
                token.getSubject(), displayName(token), token.getClaimAsString("email"), clock.instant());
    }

    private static String displayName(Jwt token) {
        String name = token.getClaimAsString("name");
        if (name != null && !name.isBlank()) {
            return name;
        }
        String username = token.getClaimAsString("preferred_username");
        return username != null ? username : "Member";
    }
}
