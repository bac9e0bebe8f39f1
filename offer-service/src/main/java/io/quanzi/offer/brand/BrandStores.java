package io.quanzi.offer.brand;

import io.quanzi.platform.problem.Problem;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * offer-service's local copy of which store belongs to which brand, filled by member-service
 * through {@code PUT /internal/brands/{brandId}/stores/{storeId}}, so that recording a purchase
 * needs no call to another service. A store belongs to one brand: the store id is the key.
 */
@Component
public class BrandStores {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    BrandStores(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Registers the store; a repeat is a no-op, a store already under another brand a 409. */
    Mono<Void> register(String brandId, String storeId) {
        return mongo.upsert(
                        Query.query(
                                Criteria.where("_id").is(storeId).and("brandId").is(brandId)),
                        new Update().setOnInsert("registeredAt", clock.instant()),
                        BrandStore.class)
                .onErrorMap(
                        DuplicateKeyException.class,
                        taken -> Problem.conflict(
                                "store-of-another-brand", "Store '" + storeId + "' is registered for another brand."))
                .then();
    }

    /** Those of {@code storeIds} that are not registered as stores of the brand, in the order given. */
    public Mono<List<String>> notOfBrand(String brandId, Collection<String> storeIds) {
        return mongo.find(
                        Query.query(Criteria.where("_id")
                                .in(storeIds)
                                .and("brandId")
                                .is(brandId)),
                        BrandStore.class)
                .map(BrandStore::storeId)
                .collect(Collectors.toSet())
                .map(registered -> storeIds.stream()
                        .filter(storeId -> !registered.contains(storeId))
                        .distinct()
                        .toList());
    }

    /** Whether the store is registered for the brand. */
    public Mono<Boolean> isStoreOf(String brandId, String storeId) {
        return mongo.exists(
                Query.query(Criteria.where("_id").is(storeId).and("brandId").is(brandId)), BrandStore.class);
    }
}
