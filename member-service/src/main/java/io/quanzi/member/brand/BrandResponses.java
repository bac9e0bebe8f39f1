package io.quanzi.member.brand;

/** What anyone signed in may read of brands and stores. */
final class BrandResponses {

    private BrandResponses() {}

    record BrandResponse(
            String id,
            String name,
            String slug,
            String logoUrl,
            String description,
            String defaultLocale,
            String timezone) {

        static BrandResponse of(Brand brand) {
            return new BrandResponse(
                    brand.id(),
                    brand.name(),
                    brand.slug(),
                    brand.logoUrl(),
                    brand.description(),
                    brand.defaultLocale(),
                    brand.timezone());
        }
    }

    record StoreResponse(
            String id,
            String brandId,
            String name,
            String address,
            BrandRequests.Location location,
            String openingHours,
            String timezone,
            StoreStatus status) {

        static StoreResponse of(Store store) {
            return new StoreResponse(
                    store.id(),
                    store.brandId(),
                    store.name(),
                    store.address(),
                    store.location() == null
                            ? null
                            : new BrandRequests.Location(
                                    store.location().lat(), store.location().lon()),
                    store.openingHours(),
                    store.timezone(),
                    store.status());
        }
    }

    /** The contract other services read: {@code GET /internal/brands/{id}}. */
    record InternalBrand(String id, String name, String slug, String timezone, String status) {}

    /** The contract other services read: {@code GET /internal/stores/{id}}. */
    record InternalStore(String id, String brandId, String name, String timezone, StoreStatus status) {}
}
