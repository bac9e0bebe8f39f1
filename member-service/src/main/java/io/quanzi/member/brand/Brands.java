package io.quanzi.member.brand;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.quanzi.member.offer.OfferCall;
import io.quanzi.member.system.Ids;
import io.quanzi.platform.problem.Problem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The tenant registry: brands and their stores. Other features look brands and stores up here. */
@Service
public class Brands {

    private static final int MAX_LIST = 500;

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    Brands(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The brand, or a 404 problem. */
    public Mono<BrandRef> requireBrand(String brandId) {
        return brand(brandId).map(brand -> new BrandRef(brand.id(), brand.name(), brand.timezone()));
    }

    /** The brand's public face (name, logo, description), or empty if there is no such brand. */
    public Mono<PublicBrand> publicBrand(String brandId) {
        return mongo.findById(brandId, Brand.class)
                .map(brand -> new PublicBrand(brand.id(), brand.name(), brand.logoUrl(), brand.description()));
    }

    /** The store if it belongs to the brand, or a 404 problem. */
    public Mono<StoreRef> requireStoreOf(String brandId, String storeId) {
        return store(storeId)
                .filter(store -> store.brandId().equals(brandId))
                .switchIfEmpty(Mono.error(() ->
                        Problem.notFound("store-not-found", "Brand '" + brandId + "' has no store '" + storeId + "'.")))
                .map(store -> new StoreRef(store.id(), store.brandId(), store.name(), store.status()));
    }

    Mono<Brand> brand(String brandId) {
        return mongo.findById(brandId, Brand.class)
                .switchIfEmpty(
                        Mono.error(() -> Problem.notFound("brand-not-found", "There is no brand '" + brandId + "'.")));
    }

    Mono<Store> store(String storeId) {
        return mongo.findById(storeId, Store.class)
                .switchIfEmpty(
                        Mono.error(() -> Problem.notFound("store-not-found", "There is no store '" + storeId + "'.")));
    }

    Mono<BrandResponses.BrandResponse> brandResponse(String brandId) {
        return brand(brandId).map(BrandResponses.BrandResponse::of);
    }

    Mono<BrandResponses.InternalBrand> internalBrand(String brandId) {
        return brand(brandId)
                .map(brand -> new BrandResponses.InternalBrand(
                        brand.id(), brand.name(), brand.slug(), brand.timezone(), "ACTIVE"));
    }

    Mono<BrandResponses.InternalStore> internalStore(String storeId) {
        return store(storeId)
                .map(store -> new BrandResponses.InternalStore(
                        store.id(), store.brandId(), store.name(), store.timezone(), store.status()));
    }

    Flux<BrandResponses.BrandResponse> brandResponses() {
        return brands().map(BrandResponses.BrandResponse::of);
    }

    Flux<BrandResponses.StoreResponse> storeResponses(String brandId) {
        return stores(brandId).map(BrandResponses.StoreResponse::of);
    }

    Mono<BrandResponses.BrandResponse> saveBrandResponse(String brandId, BrandRequests.BrandRequest request) {
        return saveBrand(brandId, request).map(BrandResponses.BrandResponse::of);
    }

    Mono<BrandResponses.StoreResponse> saveStoreResponse(
            String brandId, String storeId, BrandRequests.StoreRequest request) {
        return Mono.defer(() -> saveStore(brandId, storeId, request)).map(BrandResponses.StoreResponse::of);
    }

    Flux<Brand> brands() {
        return mongo.find(new Query().with(Sort.by("_id")).limit(MAX_LIST), Brand.class);
    }

    Flux<Store> stores(String brandId) {
        return brand(brandId)
                .thenMany(mongo.find(
                        Query.query(where("brandId").is(brandId))
                                .with(Sort.by("_id"))
                                .limit(MAX_LIST),
                        Store.class));
    }

    /** Creates the brand or replaces its settings (the caller's scope is checked by the controller). */
    Mono<Brand> saveBrand(String brandId, BrandRequests.BrandRequest request) {
        Ids.requireSlug("The brand id", brandId);
        Instant now = clock.instant();
        return mongo.findById(brandId, Brand.class)
                .map(existing -> brandOf(brandId, request, existing.createdAt(), now))
                .defaultIfEmpty(brandOf(brandId, request, now, now))
                .flatMap(brand -> mongo.findAndReplace(
                        Query.query(where("_id").is(brandId)),
                        brand,
                        FindAndReplaceOptions.options().upsert().returnNew()));
    }

    /**
     * Creates the store (queuing its registration in offer-service) or updates it. A store id is
     * global: one that belongs to another brand is a conflict.
     */
    Mono<Store> saveStore(String brandId, String storeId, BrandRequests.StoreRequest request) {
        Ids.requireSlug("The store id", storeId);
        Instant now = clock.instant();
        return brand(brandId)
                .then(mongo.findById(storeId, Store.class))
                .flatMap(existing -> update(brandId, existing, request, now))
                .switchIfEmpty(Mono.defer(() -> create(brandId, storeId, request, now)
                        .onErrorResume(DuplicateKeyException.class, raced -> mongo.findById(storeId, Store.class)
                                .flatMap(existing -> update(brandId, existing, request, now)))));
    }

    private Mono<Store> create(String brandId, String storeId, BrandRequests.StoreRequest request, Instant now) {
        return mongo.insert(new Store(
                storeId,
                brandId,
                request.name(),
                request.address(),
                new Store.GeoPoint(request.location().lat(), request.location().lon()),
                request.openingHours(),
                request.timezone(),
                request.status(),
                now,
                now,
                List.of(OfferCall.store(brandId, storeId, now))));
    }

    private Mono<Store> update(String brandId, Store existing, BrandRequests.StoreRequest request, Instant now) {
        if (!existing.brandId().equals(brandId)) {
            return Mono.error(Problem.conflict(
                    "store-id-taken", "Store id '" + existing.id() + "' already belongs to another brand."));
        }
        Update update = new Update()
                .set("name", request.name())
                .set("address", request.address())
                .set(
                        "location",
                        new Store.GeoPoint(
                                request.location().lat(), request.location().lon()))
                .set("openingHours", request.openingHours())
                .set("timezone", request.timezone())
                .set("status", request.status())
                .set("updatedAt", now);
        return mongo.findAndModify(
                Query.query(where("_id").is(existing.id()).and("brandId").is(brandId)),
                update,
                org.springframework.data.mongodb.core.FindAndModifyOptions.options()
                        .returnNew(true),
                Store.class);
    }

    private static Brand brandOf(
            String brandId, BrandRequests.BrandRequest request, Instant createdAt, Instant updatedAt) {
        return new Brand(
                brandId,
                request.name(),
                request.slug(),
                request.logoUrl(),
                request.description(),
                request.defaultLocale(),
                request.timezone(),
                createdAt,
                updatedAt);
    }
}
