package io.quanzi.community.analytics;

import java.time.LocalDate;
import java.util.List;

/**
 * Engagement of a brand or one community, ready for charts: every series has one point per
 * bucket ({@code t} = the bucket's first day). Days, weeks and months are those of {@code timezone}: the brand's
 * (an IANA zone id), or {@code UTC} when member-service could not tell it.
 * Series: members, joins, activeMembers, interactions (and one by one: posts, comments, likes, shares),
 * interactionsPerActiveMember, attendances.
 */
record EngagementReport(
        String brandId,
        String communityId,
        String timezone,
        LocalDate from,
        LocalDate to,
        Granularity granularity,
        List<Series> series,
        Spread spread,
        List<EventConversion> events,
        List<Retention> retention,
        List<Kol> kols,
        List<CommunityHealth> communities) {

    record Series(String name, List<Point> points) {}

    record Point(LocalDate t, double v) {}

    /**
     * Share → visit → join: shares made, first visits through them, joins credited to them, and
     * the same per chain depth (1 = shared by someone who came on their own).
     */
    record Spread(
            long shares,
            long visits,
            long joins,
            double visitsPerShare,
            double visitToJoinRate,
            int maxDepth,
            List<Depth> byDepth) {}

    record Depth(int depth, long shares, long visits, long joins) {}

    /** RSVP → check-in of one event starting in the range. */
    record EventConversion(String eventId, String title, long rsvps, long checkIns, double checkInRate) {}

    /** Of the members active in {@code month}, how many were active again in the next month. */
    record Retention(String month, long active, long retainedNextMonth, double rate) {}

    /** An opinion leader ranked by what their shares led to: joins, and check-ins of those who joined. */
    record Kol(String memberId, long joins, long attendances) {}

    record CommunityHealth(
            String communityId,
            String name,
            long members,
            long activeLastWindow,
            long activePreviousWindow,
            double activityTrend,
            Health health) {}
}
