package io.quanzi.community.checkin;

import io.quanzi.platform.web.Ids;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A staff scan. {@code eventId} (optional) is the event the staff app is scanning for: a code for another event is
 * refused.
 */
record CheckInRequest(
        @NotBlank @Size(max = 4096) String token,
        @Pattern(regexp = Ids.ID) String eventId,
        @Pattern(regexp = "[A-Za-z0-9_.:-]{1,128}") String deviceId) {}
