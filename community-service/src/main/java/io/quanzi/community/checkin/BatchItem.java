package io.quanzi.community.checkin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** One scan queued while offline, with the time it was made. */
record BatchItem(
        @NotBlank @Size(max = 4096) String token,
        @NotNull Instant scannedAt,
        @Pattern(regexp = "[A-Za-z0-9_.:-]{1,128}") String deviceId) {}
