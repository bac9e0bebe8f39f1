package io.quanzi.community.event;

import io.quanzi.platform.web.Ids;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * What a brand admin sets on an event (create and update). The brand is the store's brand; seats taken, status and
 * ids are never taken from a request.
 */
record EventRequest(
        @NotBlank @Pattern(regexp = EventRequest.ID) String storeId,
        @NotBlank @Size(max = 120) String title,
        @Size(max = 4000) String description,
        @NotNull Instant startsAt,
        @NotNull Instant endsAt,
        @NotNull Instant checkInOpensAt,
        @NotNull Instant checkInClosesAt,
        @NotNull @Min(1) @Max(100_000) Integer capacity,
        @Pattern(regexp = EventRequest.ID) String communityId,
        Boolean walkInsAllowed,
        @Min(0) @Max(100_000) Integer attendPoints) {

    static final String ID = Ids.ID;
}
