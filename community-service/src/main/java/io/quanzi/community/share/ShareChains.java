package io.quanzi.community.share;

import io.quanzi.community.client.MemberClient;
import io.quanzi.community.community.CommunityMemberships;
import io.quanzi.community.community.MemberNames;
import io.quanzi.platform.problem.Problem;
import io.quanzi.platform.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Builds {@link ShareChainReport}: who shared to whom, how deep, for the brand's admins. Shares made in the range
 * (days in the brand's timezone), the first visits through them and the joins credited to them, whenever those
 * happened. At most {@value #MAX_SHARES} shares are read (the report says it is truncated beyond that).
 */
@Service
class ShareChains {

    static final int MAX_SHARES = 5_000;
    static final int MAX_NODES = 500;
    static final int MAX_LIMIT = 50;
    static final int MAX_DAYS = 400;
    private static final int MAX_LEVELS = 50;

    private final ReactiveMongoTemplate mongo;
    private final CommunityMemberships memberships;
    private final MemberNames names;
    private final MemberClient members;
    private final Clock clock;

    ShareChains(
            ReactiveMongoTemplate mongo,
            CommunityMemberships memberships,
            MemberNames names,
            MemberClient members,
            Clock clock) {
        this.mongo = mongo;
        this.memberships = memberships;
        this.names = names;
        this.members = members;
        this.clock = clock;
    }

    Mono<ShareChainReport> forBrand(Caller caller, String brandId, LocalDate from, LocalDate to, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return Mono.error(Problem.badRequest("'limit' must be between 1 and " + MAX_LIMIT + "."));
        }
        checkRange(from, to);
        if (!caller.isBrandAdminOf(brandId)) {
            return Mono.error(Problem.notBrandAdminOf(brandId));
        }
        return members.brandZone(brandId).flatMap(zone -> {
            LocalDate last = to != null ? to : LocalDate.now(clock.withZone(zone));
            LocalDate first = from != null ? from : last.minusDays(29);
            checkRange(first, last);
            return report(brandId, zone, first, last, limit);
        });
    }

    private Mono<ShareChainReport> report(String brandId, ZoneId zone, LocalDate first, LocalDate last, int limit) {
        Instant start = first.atStartOfDay(zone).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
        Instant now = clock.instant();
        Query sharesQuery = Query.query(Criteria.where("brandId")
                        .is(brandId)
                        .and("createdAt")
                        .gte(start)
                        .lt(end))
                .with(Sort.by("createdAt"))
                .limit(MAX_SHARES + 1);
        return mongo.find(sharesQuery, Share.class).collectList().flatMap(found -> {
            boolean cut = found.size() > MAX_SHARES;
            List<Share> shares = cut ? found.subList(0, MAX_SHARES) : found;
            Set<String> codes = shares.stream().map(Share::code).collect(Collectors.toSet());
            Mono<List<ShareVisit>> visits = codes.isEmpty()
                    ? Mono.just(List.of())
                    : mongo.find(Query.query(Criteria.where("code").in(codes)), ShareVisit.class)
                            .collectList();
            Mono<Set<String>> joined = codes.isEmpty()
                    ? Mono.just(Set.of())
                    : memberships
                            .joins(brandId, null, start, now.isAfter(end) ? now : end)
                            .filter(join -> join.viaShare() != null && codes.contains(join.viaShare()))
                            .map(join -> key(join.viaShare(), join.memberId()))
                            .collect(Collectors.toSet());
            return Mono.zip(visits, joined).flatMap(both -> {
                Set<String> ids = new HashSet<>();
                shares.forEach(share -> ids.add(share.sharerId()));
                both.getT1().forEach(visit -> ids.add(visit.visitorId()));
                return names.of(ids).map(known -> {
                    Map<String, String> named = new HashMap<>(known);
                    // A sharer's name as they had it when sharing fills in where nothing newer is known.
                    shares.stream()
                            .filter(share -> share.sharerName() != null)
                            .forEach(share -> named.putIfAbsent(share.sharerId(), share.sharerName()));
                    return assemble(brandId, zone, first, last, limit, cut, shares, both.getT1(), both.getT2(), named);
                });
            });
        });
    }

    private static ShareChainReport assemble(
            String brandId,
            ZoneId zone,
            LocalDate first,
            LocalDate last,
            int limit,
            boolean cut,
            List<Share> shares,
            List<ShareVisit> visits,
            Set<String> joined,
            Map<String, String> names) {
        Set<String> codes = shares.stream().map(Share::code).collect(Collectors.toSet());
        Map<String, List<Share>> onward = new HashMap<>();
        Map<String, List<Share>> roots = new LinkedHashMap<>();
        for (Share share : shares) {
            if (share.parentCode() != null && codes.contains(share.parentCode())) {
                onward.computeIfAbsent(share.parentCode(), code -> new ArrayList<>())
                        .add(share);
            } else {
                roots.computeIfAbsent(share.sharerId(), sharer -> new ArrayList<>())
                        .add(share);
            }
        }
        Map<String, List<ShareVisit>> visitsByCode = visits.stream()
                .sorted(Comparator.comparing(ShareVisit::visitedAt))
                .collect(Collectors.groupingBy(ShareVisit::code, LinkedHashMap::new, Collectors.toList()));

        List<Draft> drafts = new ArrayList<>();
        roots.forEach((sharer, own) -> drafts.add(draft(sharer, 0, own, false, false, onward, visitsByCode, joined)));
        // Largest chains first; among equally large ones the most recent first.
        drafts.sort(Comparator.comparingInt(Draft::size)
                .thenComparing(Draft::latest)
                .reversed());

        AtomicInteger budget = new AtomicInteger(MAX_NODES);
        boolean truncated = cut || drafts.size() > limit;
        List<ShareChainReport.Node> chains = new ArrayList<>();
        for (Draft draft : drafts.subList(0, Math.min(limit, drafts.size()))) {
            if (budget.get() <= 0) {
                truncated = true;
                break;
            }
            ShareChainReport.Node node = draft.toNode(names, budget);
            truncated |= node.size() < draft.size();
            chains.add(node);
        }
        long sharers = shares.stream().map(Share::sharerId).distinct().count();
        int maxLevel = drafts.stream().mapToInt(Draft::depth).max().orElse(0);
        return new ShareChainReport(
                brandId,
                zone.getId(),
                first,
                last,
                limit,
                drafts.size(),
                truncated,
                sharers,
                shares.size(),
                visits.size(),
                joined.size(),
                sharers == 0 ? 0 : Math.round(joined.size() * 100.0 / sharers) / 100.0,
                maxLevel,
                chains);
    }

    private static Draft draft(
            String memberId,
            int level,
            List<Share> own,
            boolean visited,
            boolean joinedHere,
            Map<String, List<Share>> onward,
            Map<String, List<ShareVisit>> visitsByCode,
            Set<String> joined) {
        List<Draft> children = new ArrayList<>();
        if (level < MAX_LEVELS) {
            for (Share share : own) {
                for (ShareVisit visit : visitsByCode.getOrDefault(share.code(), List.of())) {
                    if (visit.visitorId().equals(memberId)) {
                        continue;
                    }
                    List<Share> theirs = onward.getOrDefault(share.code(), List.of()).stream()
                            .filter(next -> next.sharerId().equals(visit.visitorId()))
                            .toList();
                    children.add(draft(
                            visit.visitorId(),
                            level + 1,
                            theirs,
                            true,
                            joined.contains(key(share.code(), visit.visitorId())),
                            onward,
                            visitsByCode,
                            joined));
                }
            }
        }
        children.sort(Comparator.comparingInt(Draft::size).reversed());
        Instant latest = own.stream()
                .map(Share::createdAt)
                .max(Comparator.naturalOrder())
                .orElse(Instant.EPOCH);
        for (Draft child : children) {
            latest = child.latest().isAfter(latest) ? child.latest() : latest;
        }
        return new Draft(memberId, level, own.size(), visited, joinedHere, latest, children);
    }

    private record Draft(
            String memberId,
            int level,
            int shares,
            boolean visited,
            boolean joined,
            Instant latest,
            List<Draft> children) {

        int size() {
            return 1 + children.stream().mapToInt(Draft::size).sum();
        }

        int depth() {
            return children.stream().mapToInt(Draft::depth).max().orElse(level);
        }

        ShareChainReport.Node toNode(Map<String, String> names, AtomicInteger budget) {
            budget.decrementAndGet();
            List<ShareChainReport.Node> kept = new ArrayList<>();
            for (Draft child : children) {
                if (budget.get() <= 0) {
                    break;
                }
                kept.add(child.toNode(names, budget));
            }
            int size = 1 + kept.stream().mapToInt(ShareChainReport.Node::size).sum();
            return new ShareChainReport.Node(memberId, names.get(memberId), level, shares, visited, joined, size, kept);
        }
    }

    private static String key(String code, String memberId) {
        return code + "|" + memberId;
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        for (LocalDate day : new LocalDate[] {from, to}) {
            if (day != null && (day.getYear() < 2000 || day.getYear() > 9999)) {
                throw Problem.badRequest("Dates must lie between the years 2000 and 9999.");
            }
        }
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
}
