package io.quanzi.member.profile;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member as Quanzi knows them. {@code subject} is the Keycloak user id, unique: one profile per
 * person, whatever races happen on the first call. {@code preferredStores} maps a brand id to the
 * member's preferred store of that brand.
 */
@Document("member_profiles")
record MemberProfile(
        @Id String id,
        String subject,
        String displayName,
        String email,
        String phone,
        String avatarUrl,
        String locale,
        Map<String, String> preferredStores,
        Instant createdAt,
        Instant updatedAt) {

    static MemberProfile fromToken(String subject, String displayName, String email, Instant now) {
        return new MemberProfile(null, subject, displayName, email, null, null, null, Map.of(), now, now);
    }

    MemberProfile withoutId() {
        return new MemberProfile(
                null, subject, displayName, email, phone, avatarUrl, locale, preferredStores, createdAt, updatedAt);
    }
}
