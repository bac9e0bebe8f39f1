package io.quanzi.member.club;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.quanzi.member.brand.Brands;
import io.quanzi.member.profile.MemberDirectory;
import io.quanzi.platform.problem.Problem;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What a brand's admins see of its club: member lists, exports and join statistics. */
@Service
class ClubAdmin {

    private static final Logger log = LoggerFactory.getLogger(ClubAdmin.class);

    /** A name search reads the brand's members this many at a time… */
    static final int NAME_SCAN_WINDOW = 500;
    /** …and at most this many per request, then ends the page early with a cursor to go on from. */
    static final int NAME_SCAN_MAX = 5_000;

    static final int EXPORT_LIMIT = 50_000;

    private final ReactiveMongoTemplate mongo;
    private final MemberDirectory directory;
    private final Brands brands;
    private final Clock clock;

    ClubAdmin(ReactiveMongoTemplate mongo, MemberDirectory directory, Brands brands, Clock clock) {
        this.mongo = mongo;
        this.directory = directory;
        this.brands = brands;
        this.clock = clock;
    }

    record Filter(String q, JoinSource source, String storeId, LocalDate joinedFrom, LocalDate joinedTo) {}

    /** One page, in member-number order; {@code after} is the last member number of the previous page. */
    Mono<MemberListResponse> list(String brandId, Filter filter, Long after, int limit) {
        return joinDayZone(brandId, filter).flatMap(zone -> {
            String name = namePrefix(filter);
            if (name != null) {
                return listByName(brandId, filter, zone, name, after, limit, new ArrayList<>(), 0);
            }
            Criteria filtered = criteria(brandId, filter, zone);
            Criteria criteria =
                    after == null ? filtered : filtered.and("memberNumber").gt(after);
            Query query = Query.query(criteria).with(Sort.by("memberNumber")).limit(limit + 1);
            return mongo.find(query, Membership.class).collectList().flatMap(found -> {
                List<Membership> page = found.size() > limit ? found.subList(0, limit) : found;
                String next = found.size() > limit
                        ? Long.toString(page.get(page.size() - 1).memberNumber())
                        : null;
                return withNames(page).map(items -> new MemberListResponse(items, next));
            });
        });
    }

    /**
     * A search by display name walks the brand's own members in member-number order, a window at a time, and keeps
     * those whose name starts with the prefix. It is complete however many members of any brand share the prefix (a
     * common surname), and bounded per request: after {@link #NAME_SCAN_MAX} members the page ends, possibly short,
     * with a cursor to continue from.
     */
    private Mono<MemberListResponse> listByName(
            String brandId,
            Filter filter,
            ZoneId zone,
            String prefix,
            Long after,
            int limit,
            List<Membership> matched,
            int scanned) {
        Criteria filtered = criteria(brandId, filter, zone);
        Criteria window =
                after == null ? filtered : filtered.and("memberNumber").gt(after);
        return mongo.find(Query.query(window).with(Sort.by("memberNumber")).limit(NAME_SCAN_WINDOW), Membership.class)
                .collectList()
                .flatMap(batch -> directory
                        .withDisplayNamePrefix(
                                batch.stream().map(Membership::memberId).toList(), prefix)
                        .flatMap(named -> {
                            batch.stream()
                                    .filter(membership -> named.contains(membership.memberId()))
                                    .forEach(matched::add);
                            if (matched.size() > limit) {
                                List<Membership> page = matched.subList(0, limit);
                                String next = Long.toString(page.get(limit - 1).memberNumber());
                                return withNames(page).map(items -> new MemberListResponse(items, next));
                            }
                            if (batch.size() < NAME_SCAN_WINDOW) {
                                return withNames(matched).map(items -> new MemberListResponse(items, null));
                            }
                            long last = batch.get(batch.size() - 1).memberNumber();
                            if (scanned + batch.size() >= NAME_SCAN_MAX) {
                                return withNames(matched)
                                        .map(items -> new MemberListResponse(items, Long.toString(last)));
                            }
                            return listByName(
                                    brandId, filter, zone, prefix, last, limit, matched, scanned + batch.size());
                        }));
    }

    /** The search text when it is a name (not a member number), else null. */
    private static String namePrefix(Filter filter) {
        String q = filter.q() == null ? "" : filter.q().strip();
        return q.isEmpty() || q.chars().allMatch(Character::isDigit) ? null : q;
    }

    /** Every member matching the filter as CSV lines (header first). */
    Flux<String> exportCsv(String brandId, Filter filter) {
        Flux<String> rows = joinDayZone(brandId, filter)
                .flatMapMany(zone -> mongo.find(
                        Query.query(criteria(brandId, filter, zone))
                                .with(Sort.by("memberNumber"))
                                .limit(EXPORT_LIMIT),
                        Membership.class))
                .buffer(200)
                .concatMap(this::withNames)
                .flatMapIterable(items -> items)
                .map(item -> String.join(
                                ",",
                                Long.toString(item.memberNumber()),
                                csv(item.displayName()),
                                String.valueOf(item.status()),
                                String.valueOf(item.source()),
                                item.storeId() == null ? "" : item.storeId(),
                                String.valueOf(item.joinedAt()))
                        + "\n");
        return Flux.concat(Flux.just("memberNumber,displayName,status,source,storeId,joinedAt\n"), rows);
    }

    /**
     * Joins per ISO week (Monday to Sunday in the brand's timezone) for the last {@code weeks} weeks (this week
     * included), by source; a 404 problem for an unknown brand.
     */
    Mono<JoinStats> joinsPerWeek(String brandId, int weeks) {
        return brandZone(brandId).flatMap(zone -> joinsPerWeek(brandId, zone, weeks));
    }

    private Mono<JoinStats> joinsPerWeek(String brandId, ZoneId zone, int weeks) {
        LocalDate thisWeek =
                LocalDate.ofInstant(clock.instant(), zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate first = thisWeek.minusWeeks(weeks - 1L);
        Query query = Query.query(where("brandId")
                .is(brandId)
                .and("joinedAt")
                .gte(first.atStartOfDay(zone).toInstant()));
        return mongo.find(query, Membership.class).collectList().map(memberships -> {
            Map<LocalDate, Map<JoinSource, Long>> counts = new TreeMap<>();
            for (int i = 0; i < weeks; i++) {
                Map<JoinSource, Long> bySource = new EnumMap<>(JoinSource.class);
                for (JoinSource source : JoinSource.values()) {
                    bySource.put(source, 0L);
                }
                counts.put(first.plusWeeks(i), bySource);
            }
            for (Membership membership : memberships) {
                LocalDate week = LocalDate.ofInstant(membership.joinedAt(), zone)
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                Map<JoinSource, Long> bySource = counts.get(week);
                if (bySource != null && membership.source() != null) {
                    bySource.merge(membership.source(), 1L, Long::sum);
                }
            }
            List<JoinStats.Week> result = new ArrayList<>();
            counts.forEach((week, bySource) -> result.add(new JoinStats.Week(
                    week,
                    bySource,
                    bySource.values().stream().mapToLong(Long::longValue).sum())));
            return new JoinStats(brandId, zone.getId(), result);
        });
    }

    /** The brand's zone; UTC (logged) if the stored id is none, which the request pattern alone does not rule out. */
    private static ZoneId zoneOf(String brandId, String timezone) {
        try {
            return ZoneId.of(String.valueOf(timezone));
        } catch (DateTimeException invalid) {
            log.warn("Brand {} has timezone '{}', which is no zone id; join statistics use UTC", brandId, timezone);
            return ZoneId.of("UTC");
        }
    }

    /** The brand's timezone; a 404 problem for an unknown brand. */
    private Mono<ZoneId> brandZone(String brandId) {
        return brands.requireBrand(brandId).map(brand -> zoneOf(brand.id(), brand.timezone()));
    }

    /**
     * The zone whose days {@code joinedFrom}/{@code joinedTo} are: the brand's. Looked up once per request, and only
     * when a date filter is given.
     */
    private Mono<ZoneId> joinDayZone(String brandId, Filter filter) {
        return filter.joinedFrom() == null && filter.joinedTo() == null
                ? Mono.just(ZoneOffset.UTC)
                : brandZone(brandId);
    }

    /**
     * The filter as a query (a new one each call: a criteria chain cannot be extended twice); throws a 400 problem
     * for an over-long member number.
     */
    private static Criteria criteria(String brandId, Filter filter, ZoneId zone) {
        // Criteria.and returns the extended criteria: keep the newest one.
        Criteria criteria = where("brandId").is(brandId);
        if (filter.source() != null) {
            criteria = criteria.and("source").is(filter.source());
        }
        if (filter.storeId() != null) {
            criteria = criteria.and("storeId").is(filter.storeId());
        }
        if (filter.joinedFrom() != null && filter.joinedTo() != null) {
            criteria = criteria.and("joinedAt")
                    .gte(start(filter.joinedFrom(), zone))
                    .lt(start(filter.joinedTo().plusDays(1), zone));
        } else if (filter.joinedFrom() != null) {
            criteria = criteria.and("joinedAt").gte(start(filter.joinedFrom(), zone));
        } else if (filter.joinedTo() != null) {
            criteria = criteria.and("joinedAt").lt(start(filter.joinedTo().plusDays(1), zone));
        }
        String q = filter.q() == null ? "" : filter.q().strip();
        if (!q.isEmpty() && q.chars().allMatch(Character::isDigit)) {
            if (q.length() > 18) {
                throw Problem.badRequest("invalid-search", "A member number has at most 18 digits.");
            }
            return criteria.and("memberNumber").is(Long.parseLong(q));
        }
        // No search, or a name: matched against profiles by listByName, window by window.
        return criteria;
    }

    private Mono<List<MemberListResponse.Item>> withNames(List<Membership> memberships) {
        return directory
                .displayNames(memberships.stream().map(Membership::memberId).toList())
                .map(names -> memberships.stream()
                        .map(membership -> new MemberListResponse.Item(
                                membership.memberId(),
                                membership.memberNumber(),
                                names.get(membership.memberId()),
                                membership.status(),
                                membership.source(),
                                membership.storeId(),
                                membership.joinedAt()))
                        .toList());
    }

    private static Instant start(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        String safe = value.startsWith("=") || value.startsWith("+") || value.startsWith("-") || value.startsWith("@")
                ? "'" + value
                : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
