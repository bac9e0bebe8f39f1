package io.quanzi.member.profile;

import io.quanzi.member.system.Ids;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.hibernate.validator.constraints.URL;

/**
 * The profile fields a member may change; a field left out (or null) stays as it is. An empty
 * {@code phone} or {@code avatarUrl} clears it; a {@code preferredStores} entry set to null
 * forgets the preferred store of that brand. Email comes from the token and cannot be set here.
 */
record ProfilePatch(
        @Size(min = 1, max = 80) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
                String displayName,
        @Size(max = 500) @URL(protocol = "https") String avatarUrl,
        @Pattern(regexp = "(\\+[1-9][0-9]{6,14})?", message = "must be an E.164 number such as +8613800138000")
                String phone,
        @Size(max = 35)
                @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a language tag such as zh-CN")
                String locale,
        @Size(max = 20) Map<@Pattern(regexp = Ids.SLUG) String, @Pattern(regexp = Ids.SLUG) String> preferredStores) {}
