package io.quanzi.offer.brand;

import io.quanzi.offer.system.Ids;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** member-service registers a brand's stores here (service accounts only). */
@RestController
@RequestMapping("/internal/brands")
class BrandStoreController {

    private final BrandStores stores;

    BrandStoreController(BrandStores stores) {
        this.stores = stores;
    }

    /** No body or {@code {}}: anything else is refused as an unknown field. */
    record NoFields() {}

    @PutMapping("/{brandId}/stores/{storeId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> register(
            @PathVariable String brandId, @PathVariable String storeId, @RequestBody(required = false) NoFields body) {
        Ids.requireId("brandId", brandId);
        Ids.requireId("storeId", storeId);
        return stores.register(brandId, storeId);
    }
}
