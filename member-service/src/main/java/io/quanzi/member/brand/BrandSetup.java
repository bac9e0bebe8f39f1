package io.quanzi.member.brand;

import io.quanzi.member.offer.OfferCall;
import io.quanzi.platform.outbox.OutboxSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Indexes, the store outbox, and the demo brand of the dev stack. */
@Configuration(proxyBeanMethods = false)
class BrandSetup {

    @Bean
    OutboxSource storeOutbox() {
        return new OutboxSource("stores");
    }

    @Bean
    @Order(0)
    ApplicationRunner brandIndexes(ReactiveMongoTemplate mongo) {
        return new ApplicationRunner() {
            @Override
            public void run(ApplicationArguments args) {
                mongo.indexOps(Store.class)
                        .createIndex(
                                new Index().on("brandId", Sort.Direction.ASC).named("brand"))
                        .block(Duration.ofSeconds(30));
            }
        };
    }

    /**
     * Seeds {@code demo-brand} and its two stores when there is no brand yet. Fixed ids make it
     * idempotent: a concurrent start's inserts collide on {@code _id} and are ignored.
     */
    @Bean
    @Order(1)
    @ConditionalOnBooleanProperty(name = "quanzi.member.seed-demo-data", matchIfMissing = true)
    ApplicationRunner demoBrandSeed(ReactiveMongoTemplate mongo, Clock clock) {
        return new ApplicationRunner() {
            @Override
            public void run(ApplicationArguments args) {
                seed(mongo, clock.instant()).block(Duration.ofSeconds(30));
            }
        };
    }

    static Mono<Void> seed(ReactiveMongoTemplate mongo, Instant now) {
        Brand brand = new Brand(
                "demo-brand",
                "Demo Brand",
                "demo-brand",
                null,
                "The brand of the dev stack's demo data.",
                "en",
                "Asia/Shanghai",
                now,
                now);
        List<Store> stores = List.of(
                demoStore(
                        "demo-store-1", "Demo Store Jing'an", "1 Nanjing West Road, Shanghai", 31.2304, 121.4737, now),
                demoStore(
                        "demo-store-2", "Demo Store Xuhui", "2 Huaihai Middle Road, Shanghai", 31.1880, 121.4365, now));
        return mongo.count(new org.springframework.data.mongodb.core.query.Query(), Brand.class)
                .filter(count -> count == 0)
                .flatMap(empty -> ignoreDuplicate(mongo.insert(brand))
                        .thenMany(Flux.fromIterable(stores).concatMap(store -> ignoreDuplicate(mongo.insert(store))))
                        .then());
    }

    private static <T> Mono<T> ignoreDuplicate(Mono<T> insert) {
        return insert.onErrorResume(DuplicateKeyException.class, seededByAnotherInstance -> Mono.empty());
    }

    private static Store demoStore(String id, String name, String address, double lat, double lon, Instant now) {
        return new Store(
                id,
                "demo-brand",
                name,
                address,
                new Store.GeoPoint(lat, lon),
                "Mo-Su 10:00-22:00",
                "Asia/Shanghai",
                StoreStatus.OPEN,
                now,
                now,
                List.of(OfferCall.store("demo-brand", id, now)));
    }
}
