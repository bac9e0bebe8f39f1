package io.quanzi.offer.points;

import io.quanzi.offer.rules.Activity;
import io.quanzi.offer.system.Ids;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** {@code POST /internal/points/earn}, exactly as the cross-service contract says. */
record EarnRequest(
        @NotBlank @Pattern(regexp = Ids.KEY, message = Ids.KEY_MESSAGE) String idempotencyKey,
        @NotBlank @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String memberId,
        @NotBlank @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String brandId,
        @NotNull Activity activity,
        @Size(max = 200) String sourceRef,
        @Positive @Max(1_000_000) Long points) {}
