package io.quanzi.community.post;

import io.quanzi.community.community.CommunitySummary;
import io.quanzi.community.community.ModeratedCommunities;
import io.quanzi.platform.problem.Problem;
import io.quanzi.platform.security.Caller;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The brand's reported posts, for its admins and the leaders and moderators of its communities (each sees the posts
 * of the communities they moderate): most reported first, with the reasons given. Acting on them uses the existing
 * hide / restore and remove / ban endpoints, which check the caller again.
 */
@Service
class ModerationQueue {

    static final int MAX_LIMIT = 100;
    private static final int REASONS_PER_POST = 10;

    private final ReactiveMongoTemplate mongo;
    private final ModeratedCommunities moderated;

    ModerationQueue(ReactiveMongoTemplate mongo, ModeratedCommunities moderated) {
        this.mongo = mongo;
        this.moderated = moderated;
    }

    /** {@code hidden}: only hidden (true) or only visible (false) posts; null for both. */
    Mono<List<ReportedPost>> reported(Caller caller, String brandId, Boolean hidden, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return Mono.error(Problem.badRequest("'limit' must be between 1 and " + MAX_LIMIT + "."));
        }
        return moderated.of(brandId, caller).flatMap(communities -> {
            if (communities.isEmpty()) {
                return Mono.just(List.<ReportedPost>of());
            }
            Map<String, String> names = communities.stream()
                    .collect(Collectors.toMap(CommunitySummary::id, CommunitySummary::name, (a, b) -> a));
            Criteria criteria = Criteria.where("communityId")
                    .in(names.keySet())
                    .and("reportCount")
                    .gt(0);
            if (hidden != null) {
                criteria = criteria.and("hidden").is(hidden);
            }
            Query query = Query.query(criteria)
                    .with(Sort.by(Sort.Order.desc("reportCount"), Sort.Order.desc("_id")))
                    .limit(limit);
            return mongo.find(query, Post.class).collectList().flatMap(posts -> reasons(posts)
                    .map(reasons -> posts.stream()
                            .map(post -> of(post, names.get(post.communityId()), reasons.get(post.id())))
                            .toList()));
        });
    }

    private Mono<Map<String, List<PostReport>>> reasons(List<Post> posts) {
        if (posts.isEmpty()) {
            return Mono.just(Map.of());
        }
        return mongo.find(
                        Query.query(Criteria.where("postId")
                                        .in(posts.stream().map(Post::id).toList()))
                                .with(Sort.by(Sort.Direction.DESC, "at"))
                                .limit(posts.size() * 50),
                        PostReport.class)
                .collectMultimap(PostReport::postId)
                .map(grouped -> grouped.entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue()))));
    }

    private static ReportedPost of(Post post, String communityName, List<PostReport> reports) {
        List<PostReport> given = reports == null ? List.of() : reports;
        Map<String, Long> counted = given.stream()
                .map(report -> report.reason() == null ? "" : report.reason().strip())
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
        List<ReportedPost.Reason> reasons = counted.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(REASONS_PER_POST)
                .map(e -> new ReportedPost.Reason(e.getKey(), e.getValue()))
                .toList();
        Instant last = given.stream()
                .map(PostReport::at)
                .max(Comparator.naturalOrder())
                .orElse(null);
        return new ReportedPost(
                post.id(),
                post.communityId(),
                communityName,
                post.authorId(),
                post.authorName(),
                PostLookup.excerpt(post.text(), PostLookup.PUBLIC_EXCERPT),
                post.imageUrls() == null ? 0 : post.imageUrls().size(),
                post.createdAt(),
                post.reportCount(),
                reasons,
                last,
                post.hidden(),
                post.hiddenReason(),
                post.hiddenAt());
    }
}
