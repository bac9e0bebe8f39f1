package io.quanzi.community.system;

import io.quanzi.platform.privacy.ErasurePolicy;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How community-service forgets a member (platform {@code /internal/member-erasures}): the copies of their display
 * name ({@code authorName}, {@code sharerName}, an RSVP's {@code memberName}) are cleared and their entry in
 * {@code community_member_names} is deleted; posts, comments, likes, shares, memberships, RSVPs,
 * check-ins and activity stay under the pseudonym, so the brand's counts (members, RSVPs, attendance, likes) and the
 * idempotency keys sent to offer-service still add up.
 */
@Configuration(proxyBeanMethods = false)
class ErasureConfiguration {

    @Bean
    ErasurePolicy erasurePolicy() {
        return new ErasurePolicy(
                Set.of("community_member_names"),
                Set.of("authorName", "sharerName", "memberName"),
                Set.of("signing_keys"));
    }
}
