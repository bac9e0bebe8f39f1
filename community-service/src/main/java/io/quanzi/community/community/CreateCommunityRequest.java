package io.quanzi.community.community;

import io.quanzi.platform.web.Ids;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What a brand admin sets when creating a community; a core group is always invitation-only. */
record CreateCommunityRequest(
        @NotBlank @Pattern(regexp = Ids.ID, message = "must be a brand id") String brandId,
        @NotBlank @Size(max = 80) String name,
        @Size(max = 2000) String description,
        @NotNull CommunityKind kind,
        @NotNull JoinPolicy joinPolicy,
        @Size(max = 10) List<@NotBlank @Size(max = 30) String> tags,
        @Size(max = 500) @Pattern(regexp = "https://\\S+", message = "must be an https URL") String coverImageUrl,
        @Min(1) @Max(1_000_000) Integer sizeCap) {}
