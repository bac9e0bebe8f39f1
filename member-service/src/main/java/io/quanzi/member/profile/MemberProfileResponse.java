package io.quanzi.member.profile;

import java.time.Instant;
import java.util.Map;

/** What a member sees of their profile: an allow-list, never the stored document itself. */
record MemberProfileResponse(
        String id,
        String subject,
        String displayName,
        String email,
        String phone,
        String avatarUrl,
        String locale,
        Map<String, String> preferredStores,
        Instant createdAt) {

    static MemberProfileResponse of(MemberProfile profile) {
        return new MemberProfileResponse(
                profile.id(),
                profile.subject(),
                profile.displayName(),
                profile.email(),
                profile.phone(),
                profile.avatarUrl(),
                profile.locale(),
                profile.preferredStores() == null ? Map.of() : profile.preferredStores(),
                profile.createdAt());
    }
}
