package io.quanzi.member.brand;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.URL;

/** What a brand admin may set on brands and stores: an allow-list. */
final class BrandRequests {

    static final String LOCALE = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*";
    static final String TIMEZONE = "[A-Za-z]+(/[A-Za-z0-9_+-]+){0,2}|UTC";

    private BrandRequests() {}

    record BrandRequest(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 63) @Pattern(regexp = "[a-z0-9][a-z0-9-]*") String slug,
            @Size(max = 500) @URL(protocol = "https") String logoUrl,
            @Size(max = 2000) String description,
            @NotBlank @Size(max = 35) @Pattern(regexp = LOCALE) String defaultLocale,
            @NotBlank @Size(max = 64) @Pattern(regexp = TIMEZONE) @KnownTimezone String timezone) {}

    record StoreRequest(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 300) String address,
            @NotNull @Valid Location location,
            @Size(max = 300) String openingHours,
            @NotBlank @Size(max = 64) @Pattern(regexp = TIMEZONE) @KnownTimezone String timezone,
            @NotNull StoreStatus status) {}

    record Location(
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {}
}
