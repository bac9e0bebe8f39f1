package io.quanzi.member.brand;

import io.quanzi.member.brand.BrandResponses.BrandResponse;
import io.quanzi.member.brand.BrandResponses.StoreResponse;
import io.quanzi.platform.security.Caller;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Public brand and store information, and their upkeep by the brand's admins. */
@RestController
@RequestMapping("/api/brands")
class BrandController {

    private final Brands brands;

    BrandController(Brands brands) {
        this.brands = brands;
    }

    @GetMapping
    Flux<BrandResponse> list() {
        return brands.brandResponses();
    }

    @GetMapping("/{brandId}")
    Mono<BrandResponse> brand(@PathVariable String brandId) {
        return brands.brandResponse(brandId);
    }

    @GetMapping("/{brandId}/stores")
    Flux<StoreResponse> stores(@PathVariable String brandId) {
        return brands.storeResponses(brandId);
    }

    /** Creates or updates a brand; only a brand whose id is in the caller's {@code brand_ids}. */
    @PutMapping("/{brandId}")
    Mono<BrandResponse> saveBrand(
            @AuthenticationPrincipal Jwt token,
            @PathVariable String brandId,
            @Valid @RequestBody BrandRequests.BrandRequest request) {
        return Mono.fromRunnable(() -> Caller.of(token).requireBrandAdminOf(brandId))
                .then(Mono.defer(() -> brands.saveBrandResponse(brandId, request)));
    }

    /** Creates or updates a store of a brand the caller manages. */
    @PutMapping("/{brandId}/stores/{storeId}")
    Mono<StoreResponse> saveStore(
            @AuthenticationPrincipal Jwt token,
            @PathVariable String brandId,
            @PathVariable String storeId,
            @Valid @RequestBody BrandRequests.StoreRequest request) {
        return Mono.fromRunnable(() -> Caller.of(token).requireBrandAdminOf(brandId))
                .then(brands.saveStoreResponse(brandId, storeId, request));
    }
}
