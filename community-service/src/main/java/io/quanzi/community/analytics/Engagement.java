package io.quanzi.community.analytics;

import io.quanzi.community.client.MemberClient;
import io.quanzi.community.community.ActivityKind;
import io.quanzi.community.community.ActivityLog;
import io.quanzi.community.community.ActivityLog.MemberDay;
import io.quanzi.community.community.CommunityMemberships;
import io.quanzi.community.community.CommunitySummary;
import io.quanzi.community.event.Attendance;
import io.quanzi.community.event.AttendanceRecord;
import io.quanzi.community.event.EventFunnel;
import io.quanzi.community.share.ShareStats;
import io.quanzi.platform.problem.Problem;
import io.quanzi.platform.problem.ProblemTypes;
import io.quanzi.platform.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Engagement analytics for a brand's admins. The time series come from one {@code $match/$group}
 * over the activity log (per day, member and kind) plus the brand's check-ins; spread from the
 * share and visit counts per chain depth and the joins credited to shares; health from the size
 * and the trend of active members over two windows.
 *
 * <p>Days, weeks (ISO, Monday) and months are the brand's own, in its timezone from member-service: the range
 * bounds are local dates turned into instants with that zone, and check-ins are put on their local day. The
 * activity log carries the local day it was recorded on (see {@link ActivityLog}). When member-service cannot tell
 * the timezone, the report is in UTC and says so.
 */
@Service
class Engagement {

    static final int MAX_DAYS = 400;
    private static final int TOP_KOLS = 10;

    private final ActivityLog activity;
    private final CommunityMemberships memberships;
    private final ShareStats shares;
    private final Attendance attendance;
    private final MemberClient members;
    private final HealthProperties limits;
    private final Clock clock;

    Engagement(
            ActivityLog activity,
            CommunityMemberships memberships,
            ShareStats shares,
            Attendance attendance,
            MemberClient members,
            HealthProperties limits,
            Clock clock) {
        this.activity = activity;
        this.memberships = memberships;
        this.shares = shares;
        this.attendance = attendance;
        this.members = members;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * The brand's report for local dates {@code from} to {@code to}, both included; null {@code to} is today in the
     * brand's timezone, null {@code from} 29 days before {@code to}.
     */
    Mono<EngagementReport> forBrand(Caller caller, String brandId, LocalDate from, LocalDate to, Granularity g) {
        checkRange(from, to);
        if (!caller.isBrandAdminOf(brandId)) {
            return Mono.error(notAdmin(brandId));
        }
        return inBrandZone(brandId, null, from, to, g);
    }

    /** Like {@link #forBrand}, for one community. */
    Mono<EngagementReport> forCommunity(
            Caller caller, String communityId, LocalDate from, LocalDate to, Granularity g) {
        checkRange(from, to);
        return memberships
                .summary(communityId)
                .flatMap(community -> caller.isBrandAdminOf(community.brandId())
                        ? inBrandZone(community.brandId(), community.id(), from, to, g)
                        : Mono.error(notAdmin(community.brandId())));
    }

    /** Looks the brand's timezone up, then fills in the default range and reports. */
    private Mono<EngagementReport> inBrandZone(
            String brandId, String communityId, LocalDate from, LocalDate to, Granularity g) {
        return members.brandZone(brandId).flatMap(zone -> {
            LocalDate last = to != null ? to : LocalDate.now(clock.withZone(zone));
            LocalDate first = from != null ? from : last.minusDays(29);
            checkRange(first, last);
            return report(new Scope(brandId, communityId, zone), first, last, g);
        });
    }

    /** Whose report, and the timezone its days are counted in. */
    private record Scope(String brandId, String communityId, ZoneId zone) {

        Instant instant(LocalDate day) {
            return day.atStartOfDay(zone).toInstant();
        }

        LocalDate day(Instant at) {
            return LocalDate.ofInstant(at, zone);
        }
    }

    private Mono<EngagementReport> report(Scope scope, LocalDate from, LocalDate to, Granularity g) {
        String brandId = scope.brandId();
        String communityId = scope.communityId();
        LocalDate end = to.plusDays(1);
        Instant start = scope.instant(from);
        Instant stop = scope.instant(end);
        Mono<List<MemberDay>> days =
                activity.memberDays(brandId, communityId, from, end).collectList();
        Mono<Long> base = activity.membersBefore(brandId, communityId, from);
        Mono<List<AttendanceRecord>> attended = attendances(brandId, communityId, start, stop);
        Mono<List<CommunityMemberships.Join>> joins =
                memberships.joins(brandId, communityId, start, stop).collectList();
        Mono<Map<Integer, Long>> sharesByDepth = shares.sharesByDepth(brandId, communityId, start, stop);
        Mono<Map<Integer, Long>> visitsByDepth = shares.visitsByDepth(brandId, communityId, start, stop);
        // Events belong to the brand (a community-restricted event is still the brand's): funnels on the brand report.
        Mono<List<EventFunnel>> funnels =
                communityId == null ? attendance.funnels(brandId, start, stop).collectList() : Mono.just(List.of());
        Mono<List<EngagementReport.CommunityHealth>> health = health(scope, end);
        return Mono.zip(days, base, attended, joins, sharesByDepth, visitsByDepth, funnels, health)
                .map(parts -> new Inputs(
                        parts.getT1(),
                        parts.getT2(),
                        parts.getT3(),
                        parts.getT4(),
                        parts.getT5(),
                        parts.getT6(),
                        parts.getT7(),
                        parts.getT8()))
                .flatMap(inputs -> {
                    List<String> codes = inputs.joins().stream()
                            .map(CommunityMemberships.Join::viaShare)
                            .filter(Objects::nonNull)
                            .distinct()
                            .toList();
                    return shares.depthOf(codes).map(depths -> assemble(scope, from, to, g, inputs, depths));
                });
    }

    /** What a report is made of, read side by side. */
    private record Inputs(
            List<MemberDay> days,
            long base,
            List<AttendanceRecord> attended,
            List<CommunityMemberships.Join> joins,
            Map<Integer, Long> sharesByDepth,
            Map<Integer, Long> visitsByDepth,
            List<EventFunnel> funnels,
            List<EngagementReport.CommunityHealth> health) {}

    private EngagementReport assemble(
            Scope scope, LocalDate from, LocalDate to, Granularity g, Inputs inputs, Map<String, Integer> depths) {
        List<MemberDay> days = inputs.days();
        long base = inputs.base();
        List<AttendanceRecord> attended = inputs.attended();
        List<CommunityMemberships.Join> joins = inputs.joins();
        Map<Integer, Long> sharesByDepth = inputs.sharesByDepth();
        Map<Integer, Long> visitsByDepth = inputs.visitsByDepth();
        List<EventFunnel> funnels = inputs.funnels();
        List<EngagementReport.CommunityHealth> health = inputs.health();

        return new EngagementReport(
                scope.brandId(),
                scope.communityId(),
                scope.zone().getId(),
                from,
                to,
                g,
                series(scope, days, attended, base, from, to, g),
                spread(sharesByDepth, visitsByDepth, joins, depths),
                funnels.stream()
                        .map(f -> new EngagementReport.EventConversion(
                                f.eventId(), f.title(), f.rsvps(), f.checkIns(), ratio(f.checkIns(), f.rsvps())))
                        .toList(),
                retention(scope, days, attended, to),
                kols(joins, attended),
                health);
    }

    // ---- time series

    private static List<EngagementReport.Series> series(
            Scope scope,
            List<MemberDay> days,
            List<AttendanceRecord> attended,
            long base,
            LocalDate from,
            LocalDate to,
            Granularity g) {
        Map<LocalDate, Bucket> buckets = new LinkedHashMap<>();
        for (LocalDate b = g.bucketOf(from); !b.isAfter(to); b = g.next(b)) {
            buckets.put(b, new Bucket());
        }
        for (MemberDay day : days) {
            Bucket bucket = buckets.get(g.bucketOf(day.day()));
            if (bucket == null) {
                continue;
            }
            switch (day.kind()) {
                case JOINED -> bucket.joins += day.count();
                case LEFT -> bucket.leaves += day.count();
                default -> {
                    if (day.kind().interaction()) {
                        bucket.active.add(day.memberId());
                        bucket.interactions += day.count();
                        bucket.byKind.merge(day.kind(), day.count(), Long::sum);
                    }
                }
            }
        }
        for (AttendanceRecord record : attended) {
            Bucket bucket = buckets.get(g.bucketOf(scope.day(record.checkedInAt())));
            if (bucket != null) {
                bucket.active.add(record.memberId());
                bucket.attendances++;
                bucket.interactions++;
            }
        }
        List<EngagementReport.Point> members = new ArrayList<>();
        List<EngagementReport.Point> joins = new ArrayList<>();
        List<EngagementReport.Point> active = new ArrayList<>();
        List<EngagementReport.Point> interactions = new ArrayList<>();
        List<EngagementReport.Point> perActive = new ArrayList<>();
        List<EngagementReport.Point> attendances = new ArrayList<>();
        Map<ActivityKind, List<EngagementReport.Point>> byKind = new EnumMap<>(ActivityKind.class);
        for (ActivityKind kind : PER_KIND.keySet()) {
            byKind.put(kind, new ArrayList<>());
        }
        long running = base;
        for (Map.Entry<LocalDate, Bucket> entry : buckets.entrySet()) {
            Bucket b = entry.getValue();
            running += b.joins - b.leaves;
            LocalDate t = entry.getKey();
            members.add(new EngagementReport.Point(t, running));
            joins.add(new EngagementReport.Point(t, b.joins));
            active.add(new EngagementReport.Point(t, b.active.size()));
            interactions.add(new EngagementReport.Point(t, b.interactions));
            perActive.add(new EngagementReport.Point(t, ratio(b.interactions, b.active.size())));
            attendances.add(new EngagementReport.Point(t, b.attendances));
            byKind.forEach(
                    (kind, points) -> points.add(new EngagementReport.Point(t, b.byKind.getOrDefault(kind, 0L))));
        }

        List<EngagementReport.Series> all = new ArrayList<>(List.of(
                new EngagementReport.Series("members", members),
                new EngagementReport.Series("joins", joins),
                new EngagementReport.Series("activeMembers", active),
                new EngagementReport.Series("interactions", interactions),
                new EngagementReport.Series("interactionsPerActiveMember", perActive),
                new EngagementReport.Series("attendances", attendances)));
        PER_KIND.forEach((kind, name) -> all.add(new EngagementReport.Series(name, byKind.get(kind))));
        return List.copyOf(all);
    }

    /** The interactions one by one, as series of their own (posts, comments, likes, shares). */
    private static final Map<ActivityKind, String> PER_KIND = perKindNames();

    private static Map<ActivityKind, String> perKindNames() {
        Map<ActivityKind, String> names = new EnumMap<>(ActivityKind.class);
        names.put(ActivityKind.POSTED, "posts");
        names.put(ActivityKind.COMMENTED, "comments");
        names.put(ActivityKind.LIKED, "likes");
        names.put(ActivityKind.SHARED, "shares");
        return Collections.unmodifiableMap(names);
    }

    private static final class Bucket {
        long joins;
        long leaves;
        long interactions;
        long attendances;
        final Set<String> active = new HashSet<>();
        final Map<ActivityKind, Long> byKind = new EnumMap<>(ActivityKind.class);
    }

    // ---- spread

    private static EngagementReport.Spread spread(
            Map<Integer, Long> sharesByDepth,
            Map<Integer, Long> visitsByDepth,
            List<CommunityMemberships.Join> joins,
            Map<String, Integer> depths) {
        Map<Integer, Long> joinsByDepth = new HashMap<>();
        long credited = 0;
        for (CommunityMemberships.Join join : joins) {
            if (join.viaShare() != null) {
                credited++;
                joinsByDepth.merge(depths.getOrDefault(join.viaShare(), 1), 1L, Long::sum);
            }
        }
        Set<Integer> levels = new TreeSet<>();
        levels.addAll(sharesByDepth.keySet());
        levels.addAll(visitsByDepth.keySet());
        levels.addAll(joinsByDepth.keySet());
        List<EngagementReport.Depth> byDepth = levels.stream()
                .map(depth -> new EngagementReport.Depth(
                        depth,
                        sharesByDepth.getOrDefault(depth, 0L),
                        visitsByDepth.getOrDefault(depth, 0L),
                        joinsByDepth.getOrDefault(depth, 0L)))
                .toList();
        long shareCount = sum(sharesByDepth);
        long visitCount = sum(visitsByDepth);
        return new EngagementReport.Spread(
                shareCount,
                visitCount,
                credited,
                ratio(visitCount, shareCount),
                ratio(credited, visitCount),
                levels.isEmpty() ? 0 : ((TreeSet<Integer>) levels).last(),
                byDepth);
    }

    // ---- retention and KOLs

    private static List<EngagementReport.Retention> retention(
            Scope scope, List<MemberDay> days, List<AttendanceRecord> attended, LocalDate to) {
        Map<YearMonth, Set<String>> activeByMonth = new TreeMap<>();
        for (MemberDay day : days) {
            if (day.kind().interaction()) {
                activeByMonth
                        .computeIfAbsent(YearMonth.from(day.day()), m -> new HashSet<>())
                        .add(day.memberId());
            }
        }
        for (AttendanceRecord record : attended) {
            activeByMonth
                    .computeIfAbsent(YearMonth.from(scope.day(record.checkedInAt())), m -> new HashSet<>())
                    .add(record.memberId());
        }
        YearMonth last = YearMonth.from(to);
        List<EngagementReport.Retention> result = new ArrayList<>();
        activeByMonth.forEach((month, active) -> {
            if (month.isBefore(last)) {
                Set<String> next = activeByMonth.getOrDefault(month.plusMonths(1), Set.of());
                long retained = active.stream().filter(next::contains).count();
                result.add(new EngagementReport.Retention(
                        month.toString(), active.size(), retained, ratio(retained, active.size())));
            }
        });
        return result;
    }

    private static List<EngagementReport.Kol> kols(
            List<CommunityMemberships.Join> joins, List<AttendanceRecord> attended) {
        Map<String, Set<String>> recruits = new HashMap<>();
        for (CommunityMemberships.Join join : joins) {
            if (join.viaSharer() != null) {
                recruits.computeIfAbsent(join.viaSharer(), sharer -> new HashSet<>())
                        .add(join.memberId());
            }
        }
        Map<String, Long> attendancesByMember = new HashMap<>();
        attended.forEach(record -> attendancesByMember.merge(record.memberId(), 1L, Long::sum));
        return recruits.entrySet().stream()
                .map(entry -> new EngagementReport.Kol(
                        entry.getKey(),
                        entry.getValue().size(),
                        entry.getValue().stream()
                                .mapToLong(member -> attendancesByMember.getOrDefault(member, 0L))
                                .sum()))
                .sorted(Comparator.comparingLong(EngagementReport.Kol::joins)
                        .thenComparingLong(EngagementReport.Kol::attendances)
                        .reversed()
                        .thenComparing(EngagementReport.Kol::memberId))
                .limit(TOP_KOLS)
                .toList();
    }

    // ---- health

    private Mono<List<EngagementReport.CommunityHealth>> health(Scope scope, LocalDate end) {
        String brandId = scope.brandId();
        String communityId = scope.communityId();
        int windowDays = (int) Math.max(1, limits.window().toDays());
        LocalDate lastStart = end.minusDays(windowDays);
        LocalDate previousStart = lastStart.minusDays(windowDays);
        Flux<CommunitySummary> communities = communityId == null
                ? memberships.communitiesOf(brandId)
                : memberships.summary(communityId).flux();
        return attendance
                .attendances(brandId, scope.instant(previousStart), scope.instant(end))
                .filter(record -> record.communityId() != null)
                .collectList()
                .flatMapMany(attended -> communities.concatMap(community -> activity.memberDays(
                                brandId, community.id(), previousStart, end)
                        .filter(day -> day.kind().interaction())
                        .collectList()
                        .map(days -> {
                            Set<String> last = new HashSet<>();
                            Set<String> previous = new HashSet<>();
                            days.forEach(day -> (day.day().isBefore(lastStart) ? previous : last).add(day.memberId()));
                            attended.stream()
                                    .filter(record -> community.id().equals(record.communityId()))
                                    .forEach(record -> (scope.day(record.checkedInAt())
                                                            .isBefore(lastStart)
                                                    ? previous
                                                    : last)
                                            .add(record.memberId()));
                            return new EngagementReport.CommunityHealth(
                                    community.id(),
                                    community.name(),
                                    community.memberCount(),
                                    last.size(),
                                    previous.size(),
                                    round(Health.trend(last.size(), previous.size())),
                                    Health.of(community.memberCount(), last.size(), previous.size(), limits));
                        })))
                .collectList();
    }

    // ---- helpers

    private Mono<List<AttendanceRecord>> attendances(String brandId, String communityId, Instant from, Instant to) {
        return attendance
                .attendances(brandId, from, to)
                .filter(record -> communityId == null || communityId.equals(record.communityId()))
                .collectList();
    }

    /** Checks the bounds that are given; the defaults are checked once the brand's timezone is known. */
    private static void checkRange(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            return;
        }
        if (from.isAfter(to)) {
            throw Problem.badRequest("'from' must not be after 'to'.");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw Problem.badRequest("The range may span at most " + MAX_DAYS + " days.");
        }
    }

    private static Problem notAdmin(String brandId) {
        return Problem.forbidden(
                ProblemTypes.NOT_BRAND_ADMIN_OF_BRAND_SLUG,
                "Only an admin of brand '" + brandId + "' reads its engagement analytics.");
    }

    private static long sum(Map<Integer, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0.0 : round((double) part / whole);
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
