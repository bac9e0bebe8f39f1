package io.quanzi.member.referral;

import java.util.List;

/**
 * A brand's referral results. {@code kFactor} = converted invites per club member;
 * {@code converted} counts the referrer's direct invitees, {@code spread} everyone below them in
 * the invite tree, {@code depth} how many levels that tree reaches.
 */
record Leaderboard(
        String brandId,
        long members,
        long convertedInvites,
        long refereesCheckedIn,
        double kFactor,
        int maxChainDepth,
        List<Entry> top) {

    record Entry(String memberId, Long memberNumber, long converted, long spread, int depth) {}
}
