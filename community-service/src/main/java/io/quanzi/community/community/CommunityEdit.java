package io.quanzi.community.community;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a brand admin may change on a community (allow-list; absent fields stay as they are). {@code clearSizeCap}
 * removes the size cap; it cannot be combined with {@code sizeCap}.
 */
record CommunityEdit(
        @Size(min = 1, max = 80) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @Size(max = 2000) String description,
        JoinPolicy joinPolicy,
        @Min(1) @Max(1_000_000) Integer sizeCap,
        Boolean clearSizeCap) {}
