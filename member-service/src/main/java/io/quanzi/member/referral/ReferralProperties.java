package io.quanzi.member.referral;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Referral rules.
 *
 * @param dailyCap invites one referrer may convert per brand and UTC day
 * @param maxChainDepth ancestors kept on a referral (and searched for cycles)
 * @param joinLinkBase the start of invite links; the code is appended
 */
@ConfigurationProperties("quanzi.referral")
public record ReferralProperties(Integer dailyCap, Integer maxChainDepth, String joinLinkBase) {

    public ReferralProperties {
        dailyCap = dailyCap != null ? dailyCap : 20;
        maxChainDepth = maxChainDepth != null ? maxChainDepth : 32;
        joinLinkBase = joinLinkBase != null ? joinLinkBase : "http://localhost:8080/join/";
    }
}
