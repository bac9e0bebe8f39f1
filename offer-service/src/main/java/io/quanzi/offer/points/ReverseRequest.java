package io.quanzi.offer.points;

import io.quanzi.offer.system.Ids;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /internal/points/reverse}: takes back the earning made with {@code reversesKey}. */
record ReverseRequest(
        @NotBlank @Pattern(regexp = Ids.KEY, message = Ids.KEY_MESSAGE) String idempotencyKey,
        @NotBlank @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String memberId,
        @NotBlank @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String brandId,
        @NotBlank @Pattern(regexp = Ids.KEY, message = Ids.KEY_MESSAGE) String reversesKey,
        @NotBlank @Size(max = 500) String reason) {}
