package io.quanzi.offer.points;

import io.quanzi.offer.system.Ids;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A brand admin's manual correction of a member's points.
 *
 * @param points positive to add, negative to deduct, never 0
 * @param reason why, kept in the ledger entry with who and when
 */
record AdjustmentRequest(
        @NotBlank @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String memberId,
        @NotNull @Min(-1_000_000) @Max(1_000_000) Long points,
        @NotBlank @Size(max = 500) String reason,
        @NotBlank @Pattern(regexp = Ids.KEY, message = Ids.KEY_MESSAGE) String idempotencyKey) {}
