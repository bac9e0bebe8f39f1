package io.quanzi.member.profile;

import java.time.Instant;

/** What a member sees of their profile: an allow-list, never the stored document itself. */
record MemberProfileResponse(String id, String subject, String displayName, String email, Instant createdAt) {

    static MemberProfileResponse of(MemberProfile profile) {
        return new MemberProfileResponse(
                profile.id(), profile.subject(), profile.displayName(), profile.email(), profile.createdAt());
    }
}
