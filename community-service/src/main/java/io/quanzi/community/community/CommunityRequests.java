package io.quanzi.community.community;

import io.quanzi.platform.web.Ids;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The small request bodies of admission (allow-lists: nothing else can be set). */
final class CommunityRequests {

    private CommunityRequests() {}

    /** A join request's application text (used by approval-required communities). */
    record Join(@Size(max = 1000) String application) {}

    /** Why a request was rejected or a member removed or banned. */
    record Decision(@Size(max = 500) String reason) {}

    /** Who is invited. */
    record Invite(@NotBlank @Pattern(regexp = Ids.ID, message = "must be a member id") String memberId) {}

    /** The role a brand admin appoints. */
    record Appoint(@NotNull CommunityRole role) {}
}
