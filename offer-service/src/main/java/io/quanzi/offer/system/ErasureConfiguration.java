package io.quanzi.offer.system;

import io.quanzi.platform.privacy.ErasurePolicy;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How offer-service forgets a member (platform {@code /internal/member-erasures}): the targeting facts and the member
 * number are deleted; the wallet, the ledger, coupons, claims, purchases and redemptions stay under the pseudonym, so
 * balances equal their entries and stock plus issued coupons equal the total.
 */
@Configuration(proxyBeanMethods = false)
class ErasureConfiguration {

    @Bean
    ErasurePolicy erasurePolicy() {
        return new ErasurePolicy(Set.of("member_facts", "member_numbers"), Set.of(), Set.of("signing_keys"));
    }
}
