package io.quanzi.member.profile;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member as Quanzi knows them. {@code subject} is the Keycloak user id, unique: one profile per
 * person, whatever races happen on the first call.
 */
@Document("member_profiles")
record MemberProfile(@Id String id, String subject, String displayName, String email, Instant createdAt) {

    static MemberProfile fromToken(String subject, String displayName, String email, Instant now) {
        return new MemberProfile(null, subject, displayName, email, now);
    }

    MemberProfile withoutId() {
        return new MemberProfile(null, subject, displayName, email, createdAt);
    }
}
