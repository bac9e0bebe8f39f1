package io.quanzi.member.brand;

import io.quanzi.member.brand.BrandResponses.InternalBrand;
import io.quanzi.member.brand.BrandResponses.InternalStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Brand and store look-ups for other services (service accounts only, see the platform rules). */
@RestController
@RequestMapping("/internal")
class InternalBrandController {

    private final Brands brands;

    InternalBrandController(Brands brands) {
        this.brands = brands;
    }

    @GetMapping("/brands/{brandId}")
    Mono<InternalBrand> brand(@PathVariable String brandId) {
        return brands.internalBrand(brandId);
    }

    @GetMapping("/stores/{storeId}")
    Mono<InternalStore> store(@PathVariable String storeId) {
        return brands.internalStore(storeId);
    }
}
