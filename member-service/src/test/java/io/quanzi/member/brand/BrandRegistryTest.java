package io.quanzi.member.brand;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.member.MemberServiceTestSupport;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

class BrandRegistryTest extends MemberServiceTestSupport {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void demoBrandIsSeededWithItsTwoStores() {
        JsonNode brand = getJson(member(newId("m")), "/api/brands/demo-brand");
        JsonNode stores = getJson(member(newId("m")), "/api/brands/demo-brand/stores");

        assertThat(brand.get("name").asString()).isEqualTo("Demo Brand");
        assertThat(stores.findValuesAsString("id")).containsExactly("demo-store-1", "demo-store-2");
    }

    @Test
    void seedingAgainChangesNothing() {
        StepVerifier.create(BrandSetup.seed(mongo, Instant.now())
                        .then(mongo.count(Query.query(Criteria.where("brandId").is("demo-brand")), Store.class)))
                .expectNext(2L)
                .verifyComplete();
    }

    @Test
    void brandAdminCreatesABrandAndStoreThatAnyoneSignedInCanRead() {
        String storeId = "store-" + newId("s");
        String brandId = brandWithStore(storeId);

        JsonNode brands = getJson(member(newId("m")), "/api/brands");
        JsonNode store = getJson(member(newId("m")), "/api/brands/" + brandId + "/stores")
                .get(0);

        assertThat(brands.findValuesAsString("id")).contains(brandId, "demo-brand");
        assertThat(store.get("id").asString()).isEqualTo(storeId);
        assertThat(store.get("location").get("lat").asDouble()).isEqualTo(31.23);
        assertThat(store.get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void brandAdminUpdatesTheirStore() {
        String storeId = "store-" + newId("s");
        String brandId = brandWithStore(storeId);

        web.mutateWith(brandAdmin(brandId))
                .put()
                .uri("/api/brands/{b}/stores/{s}", brandId, storeId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "name", "Renamed",
                        "address", "2 Road",
                        "location", Map.of("lat", 1.0, "lon", 2.0),
                        "timezone", "Asia/Shanghai",
                        "status", "CLOSED"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("Renamed")
                .jsonPath("$.status")
                .isEqualTo("CLOSED");
    }

    @Test
    void storeIdOfAnotherBrandIsAConflict() {
        String storeId = "store-" + newId("s");
        brandWithStore(storeId);
        String other = brandWithStore(null);

        web.mutateWith(brandAdmin(other))
                .put()
                .uri("/api/brands/{b}/stores/{s}", other, storeId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(storeBody("Mine now"))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:store-id-taken");
    }

    @Test
    void everyNewStoreIsRegisteredInOfferServiceThroughTheOutbox() {
        String storeId = "store-" + newId("s");
        String brandId = brandWithStore(storeId);
        offer.answerNext(storeId, 503);

        relay();
        relay();
        relay();

        assertThat(offer.calls("/internal/brands/" + brandId + "/stores/" + storeId))
                .hasSize(2)
                .allSatisfy(call -> assertThat(call.method()).isEqualTo("PUT"));
        StepVerifier.create(mongo.findById(storeId, Store.class))
                .assertNext(store -> assertThat(store.outbox())
                        .singleElement()
                        .satisfies(call -> assertThat(call.state().name()).isEqualTo("DONE")))
                .verifyComplete();
    }

    @Test
    void internalLookupsFollowTheContract() {
        String storeId = "store-" + newId("s");
        String brandId = brandWithStore(storeId);

        web.mutateWith(service())
                .get()
                .uri("/internal/brands/{b}", brandId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(brandId)
                .jsonPath("$.slug")
                .isEqualTo(brandId)
                .jsonPath("$.timezone")
                .isEqualTo("Asia/Shanghai")
                .jsonPath("$.status")
                .isEqualTo("ACTIVE");
        web.mutateWith(service())
                .get()
                .uri("/internal/stores/{s}", storeId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.brandId")
                .isEqualTo(brandId)
                .jsonPath("$.status")
                .isEqualTo("OPEN");
        web.mutateWith(service())
                .get()
                .uri("/internal/stores/no-such-store")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
