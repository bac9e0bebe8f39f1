package io.quanzi.community.post;

import io.quanzi.community.community.ActivityKind;
import io.quanzi.community.community.ActivityLog;
import io.quanzi.community.community.CommunityAccess;
import io.quanzi.community.community.CommunityMemberships;
import io.quanzi.platform.problem.Problem;
import io.quanzi.platform.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Posts, comments, likes and reports. Only active members write; who reads is decided by
 * {@link CommunityAccess#canRead()}; hidden posts exist only for moderators.
 */
@Service
class Posts {

    static final int MAX_PAGE = 50;

    private final ReactiveMongoTemplate mongo;
    private final CommunityMemberships memberships;
    private final ActivityLog activity;
    private final Clock clock;

    Posts(ReactiveMongoTemplate mongo, CommunityMemberships memberships, ActivityLog activity, Clock clock) {
        this.mongo = mongo;
        this.memberships = memberships;
        this.activity = activity;
        this.clock = clock;
    }

    /**
     * Publishes a post. The author's first post in the community also queues the FIRST_POST award:
     * a marker keyed by the award's idempotency key is inserted first, so only one post ever
     * carries it, however many posts race.
     */
    Mono<PostResponse> create(String communityId, Caller caller, String authorName, PostRequests.NewPost request) {
        return participant(communityId, caller).flatMap(access -> {
            String postId = new ObjectId().toHexString();
            String key = "first-post:" + access.communityId() + ":" + caller.subject();
            Instant now = clock.instant();
            return mongo.insert(new FirstPost(key, postId))
                    .map(marker -> true)
                    .onErrorResume(DuplicateKeyException.class, notFirst -> Mono.just(false))
                    .flatMap(first -> mongo.insert(new Post(
                            postId,
                            access.communityId(),
                            access.brandId(),
                            caller.subject(),
                            request.text().strip(),
                            request.imageUrls() == null ? List.of() : List.copyOf(request.imageUrls()),
                            now,
                            0,
                            0,
                            0,
                            0,
                            false,
                            null,
                            null,
                            null,
                            first,
                            first
                                    ? List.of(FirstPostPoints.entry(
                                            access.communityId(), access.brandId(), caller.subject(), postId, now))
                                    : List.of(),
                            authorName)))
                    .flatMap(post -> activity.record(
                                    access.brandId(),
                                    access.communityId(),
                                    caller.subject(),
                                    ActivityKind.POSTED,
                                    postId)
                            .thenReturn(PostResponse.of(post, access.canModerate())));
        });
    }

    /** The community's feed, newest first, {@code limit} posts after {@code cursor} (a post id). */
    Mono<PostResponse.Page> feed(String communityId, Caller caller, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            return Mono.error(Problem.badRequest("'limit' must be between 1 and " + MAX_PAGE + "."));
        }
        return reader(communityId, caller).flatMap(access -> {
            Criteria criteria = Criteria.where("communityId").is(access.communityId());
            if (cursor != null && !cursor.isEmpty()) {
                criteria = criteria.and("_id").lt(cursorId(cursor));
            }
            if (!access.canModerate()) {
                criteria = criteria.and("hidden").is(false);
            }
            Query query = Query.query(criteria)
                    .with(Sort.by(Sort.Direction.DESC, "_id"))
                    .limit(limit + 1);
            return mongo.find(query, Post.class)
                    .map(post -> PostResponse.of(post, access.canModerate()))
                    .collectList()
                    .map(posts -> posts.size() > limit
                            ? new PostResponse.Page(
                                    posts.subList(0, limit),
                                    posts.get(limit - 1).id())
                            : new PostResponse.Page(posts, null));
        });
    }

    Mono<PostResponse> get(String postId, Caller caller) {
        return visiblePost(postId, caller)
                .map(seen -> PostResponse.of(seen.post(), seen.access().canModerate()));
    }

    Mono<PostResponse.CommentResponse> comment(
            String postId, Caller caller, String authorName, PostRequests.NewComment request) {
        return visiblePost(postId, caller).flatMap(seen -> {
            requireParticipant(seen.access());
            Comment comment = new Comment(
                    null,
                    postId,
                    seen.post().communityId(),
                    caller.subject(),
                    request.text().strip(),
                    clock.instant(),
                    authorName);
            return mongo.insert(comment).flatMap(saved -> incrementPost(postId, "commentCount", 1)
                    .then(activity.record(
                            seen.post().brandId(),
                            seen.post().communityId(),
                            caller.subject(),
                            ActivityKind.COMMENTED,
                            postId))
                    .thenReturn(PostResponse.CommentResponse.of(saved)));
        });
    }

    Mono<PostResponse.CommentPage> comments(String postId, Caller caller, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            return Mono.error(Problem.badRequest("'limit' must be between 1 and " + MAX_PAGE + "."));
        }
        return visiblePost(postId, caller).flatMap(seen -> {
            Criteria criteria = Criteria.where("postId").is(postId);
            if (cursor != null && !cursor.isEmpty()) {
                criteria = criteria.and("_id").lt(cursorId(cursor));
            }
            return mongo.find(
                            Query.query(criteria)
                                    .with(Sort.by(Sort.Direction.DESC, "_id"))
                                    .limit(limit + 1),
                            Comment.class)
                    .map(PostResponse.CommentResponse::of)
                    .collectList()
                    .map(items -> items.size() > limit
                            ? new PostResponse.CommentPage(
                                    items.subList(0, limit),
                                    items.get(limit - 1).id())
                            : new PostResponse.CommentPage(items, null));
        });
    }

    /**
     * Likes once: the unique like document decides, the counter follows it. Repeating is harmless. A re-like after an
     * unlike counts again but is not logged as a new interaction, so like/unlike cycles cannot inflate engagement.
     */
    Mono<PostResponse.LikeResponse> like(String postId, Caller caller) {
        return visiblePost(postId, caller).flatMap(seen -> {
            requireParticipant(seen.access());
            Mono<Post> relike = mongo.findAndModify(
                            likeOf(postId, caller.subject())
                                    .addCriteria(Criteria.where(PostLike.ACTIVE).is(false)),
                            new Update().set(PostLike.ACTIVE, true),
                            PostLike.class)
                    .flatMap(unliked -> incrementPost(postId, "likeCount", 1));
            Mono<Post> firstLike = mongo.insert(new PostLike(null, postId, caller.subject(), clock.instant(), true))
                    .flatMap(liked -> incrementPost(postId, "likeCount", 1).flatMap(post -> activity.record(
                                    post.brandId(), post.communityId(), caller.subject(), ActivityKind.LIKED, postId)
                            .thenReturn(post)))
                    .onErrorResume(DuplicateKeyException.class, already -> mongo.findById(postId, Post.class));
            return relike.switchIfEmpty(Mono.defer(() -> firstLike))
                    .map(post -> new PostResponse.LikeResponse(postId, true, post.likeCount()));
        });
    }

    /** Unlikes: only switching off an active like lowers the counter. */
    Mono<PostResponse.LikeResponse> unlike(String postId, Caller caller) {
        return visiblePost(postId, caller).flatMap(seen -> mongo.findAndModify(
                        likeOf(postId, caller.subject())
                                .addCriteria(Criteria.where(PostLike.ACTIVE).ne(false)),
                        new Update().set(PostLike.ACTIVE, false),
                        PostLike.class)
                .flatMap(liked -> incrementPost(postId, "likeCount", -1))
                .switchIfEmpty(Mono.defer(() -> mongo.findById(postId, Post.class)))
                .map(post -> new PostResponse.LikeResponse(postId, false, post.likeCount())));
    }

    private static Query likeOf(String postId, String memberId) {
        return Query.query(Criteria.where("postId").is(postId).and("memberId").is(memberId));
    }

    /** Any reader may report a post, once. */
    Mono<Void> report(String postId, Caller caller, String reason) {
        return visiblePost(postId, caller).flatMap(seen -> mongo.insert(new PostReport(
                        null, postId, seen.post().communityId(), caller.subject(), reason, clock.instant()))
                .onErrorMap(
                        DuplicateKeyException.class,
                        already -> Problem.conflict("already-reported", "You have already reported this post."))
                .then(incrementPost(postId, "reportCount", 1))
                .then());
    }

    /** Hides (or restores) a post: moderators, leaders and the brand's admins only. */
    Mono<PostResponse> setHidden(String postId, Caller caller, boolean hidden, String reason) {
        return post(postId)
                .flatMap(post -> memberships.access(post.communityId(), caller))
                .flatMap(access -> {
                    if (!access.canModerate()) {
                        return Mono.error(Problem.forbidden(
                                "not-community-moderator", "Only the community's moderators hide or restore posts."));
                    }
                    Update update = new Update().set("hidden", hidden).set("hiddenReason", hidden ? reason : null);
                    update.set("hiddenBy", hidden ? caller.subject() : null)
                            .set("hiddenAt", hidden ? clock.instant() : null);
                    return mongo.findAndModify(
                                    Query.query(Criteria.where("_id").is(postId)),
                                    update,
                                    FindAndModifyOptions.options().returnNew(true),
                                    Post.class)
                            .map(post -> PostResponse.of(post, true));
                });
    }

    // ---- helpers

    Mono<Post> post(String postId) {
        if (postId == null || !ObjectId.isValid(postId)) {
            return Mono.error(noSuchPost());
        }
        return mongo.findById(postId, Post.class).switchIfEmpty(Mono.error(noSuchPost()));
    }

    /** The post with the caller's access, if the caller may see it: 404 for hidden posts unless moderator. */
    Mono<Seen> visiblePost(String postId, Caller caller) {
        return post(postId)
                .flatMap(post -> memberships.access(post.communityId(), caller).flatMap(access -> {
                    if (!access.canRead()) {
                        return Mono.error(notReadable());
                    }
                    if (post.hidden() && !access.canModerate()) {
                        return Mono.error(noSuchPost());
                    }
                    return Mono.just(new Seen(post, access));
                }));
    }

    Mono<Post> incrementPost(String postId, String counter, int by) {
        Criteria criteria = Criteria.where("_id").is(postId);
        if (by < 0) {
            criteria = criteria.and(counter).gt(0);
        }
        return mongo.findAndModify(
                        Query.query(criteria),
                        new Update().inc(counter, by),
                        FindAndModifyOptions.options().returnNew(true),
                        Post.class)
                .switchIfEmpty(Mono.defer(() -> mongo.findById(postId, Post.class)));
    }

    private Mono<CommunityAccess> participant(String communityId, Caller caller) {
        return memberships.access(communityId, caller).doOnNext(Posts::requireParticipant);
    }

    private Mono<CommunityAccess> reader(String communityId, Caller caller) {
        return memberships
                .access(communityId, caller)
                .flatMap(access -> access.canRead() ? Mono.just(access) : Mono.error(notReadable()));
    }

    private static void requireParticipant(CommunityAccess access) {
        if (!access.canParticipate()) {
            throw Problem.forbidden(
                    "not-community-member", "Only active members of this community post, comment, like and share.");
        }
    }

    private static ObjectId cursorId(String cursor) {
        if (!ObjectId.isValid(cursor)) {
            throw Problem.badRequest("'cursor' is not a cursor this feed returned.");
        }
        return new ObjectId(cursor);
    }

    static Problem noSuchPost() {
        return Problem.notFound("There is no such post.");
    }

    private static Problem notReadable() {
        return new Problem(HttpStatus.FORBIDDEN, "not-community-member", "Join this community to read its posts.");
    }

    record Seen(Post post, CommunityAccess access) {}
}
