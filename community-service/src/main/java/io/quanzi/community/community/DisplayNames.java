package io.quanzi.community.community;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The name shown next to what a member writes. community-service keeps no profiles, so the name
 * is taken from the caller's token when they write (claim {@code name}, else
 * {@code preferred_username}), trimmed and cut to {@value #MAX_LENGTH} characters, and stored with
 * the post, comment or share. A later rename in Keycloak does not change what was written before.
 */
public final class DisplayNames {

    public static final int MAX_LENGTH = 80;

    private DisplayNames() {}

    /** The caller's display name, or null when the token carries none. */
    public static String of(JwtAuthenticationToken authentication) {
        Jwt token = authentication.getToken();
        String name = clean(token.getClaimAsString("name"));
        return name != null ? name : clean(token.getClaimAsString("preferred_username"));
    }

    static String clean(String claim) {
        if (claim == null) {
            return null;
        }
        String name = claim.strip();
        if (name.isEmpty()) {
            return null;
        }
        return name.codePointCount(0, name.length()) > MAX_LENGTH
                ? name.substring(0, name.offsetByCodePoints(0, MAX_LENGTH)).strip()
                : name;
    }
}
