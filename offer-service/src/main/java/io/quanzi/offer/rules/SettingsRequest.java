package io.quanzi.offer.rules;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A brand admin's earning rules, replacing the brand's settings as a whole.
 *
 * @param activityPoints points for every {@link Activity} (all five must be given)
 * @param pointsPerCurrencyUnit points per 1.00 of a purchase in {@code currency}
 * @param tiers the ladder, lowest first, first threshold 0, thresholds rising
 */
record SettingsRequest(
        @NotNull @Size(min = 5, max = 5) Map<Activity, @NotNull @Min(0) @Max(100_000) Long> activityPoints,
        @NotNull @DecimalMin("0.00") @DecimalMax("1000.00") @Digits(integer = 4, fraction = 2)
                BigDecimal pointsPerCurrencyUnit,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as CNY") String currency,
        @NotNull @Min(1) @Max(120) Integer expiryMonths,
        @NotNull @Min(1) @Max(60) Integer tierWindowMonths,
        @NotNull @Min(0) @Max(365) Integer tierGraceDays,
        @NotNull @Size(min = 1, max = 10) List<@NotNull @Valid TierRequest> tiers) {

    record TierRequest(
            @NotBlank
                    @Size(max = 40)
                    @Pattern(
                            regexp = "[\\p{L}\\p{N}][\\p{L}\\p{N} _-]*",
                            message = "must be letters, digits, spaces, _ or -")
                    String name,
            @NotNull @Min(0) @Max(1_000_000_000) Long threshold,
            @NotNull @DecimalMin("1.0") @DecimalMax("10.0") @Digits(integer = 2, fraction = 2) BigDecimal multiplier) {}
}
