package io.quanzi.community.share;

import io.quanzi.community.community.ActivityKind;
import io.quanzi.community.community.ActivityLog;
import io.quanzi.community.community.CommunityMemberships;
import io.quanzi.community.community.JoinAttribution;
import io.quanzi.community.post.PostLookup;
import io.quanzi.platform.problem.Problem;
import io.quanzi.platform.security.Caller;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Share links and the spread they cause: who shared, who visited through which link, how deep in
 * the chain, and (as {@link JoinAttribution}) which link a new member's join is credited to.
 */
@Service
class Shares implements JoinAttribution {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReactiveMongoTemplate mongo;
    private final PostLookup posts;
    private final CommunityMemberships memberships;
    private final ActivityLog activity;
    private final ShareProperties properties;
    private final Clock clock;

    Shares(
            ReactiveMongoTemplate mongo,
            PostLookup posts,
            CommunityMemberships memberships,
            ActivityLog activity,
            ShareProperties properties,
            Clock clock) {
        this.mongo = mongo;
        this.posts = posts;
        this.memberships = memberships;
        this.activity = activity;
        this.properties = properties;
        this.clock = clock;
    }

    /** An active member shares a post they can see: a new unguessable code, placed in the spread chain. */
    Mono<ShareResponses.Created> share(String postId, Caller caller, String sharerName) {
        return posts.visible(postId, caller).flatMap(post -> {
            if (!post.callerMayShare()) {
                return Mono.error(Problem.forbidden(
                        "not-community-member", "Only active members of this community share its posts."));
            }
            Instant now = clock.instant();
            return arrival(post.communityId(), caller.subject(), now)
                    .map(visit -> new Share(
                            null,
                            newCode(),
                            post.id(),
                            post.communityId(),
                            post.brandId(),
                            caller.subject(),
                            visit.code(),
                            visit.depth() + 1,
                            now,
                            sharerName))
                    .defaultIfEmpty(new Share(
                            null,
                            newCode(),
                            post.id(),
                            post.communityId(),
                            post.brandId(),
                            caller.subject(),
                            null,
                            1,
                            now,
                            sharerName))
                    .flatMap(mongo::insert)
                    .flatMap(share -> posts.countShare(post.id())
                            .then(activity.record(
                                    share.brandId(),
                                    share.communityId(),
                                    caller.subject(),
                                    ActivityKind.SHARED,
                                    share.code()))
                            .thenReturn(new ShareResponses.Created(
                                    share.code(), properties.linkBaseUrl() + share.code(), post.id(), share.depth())));
        });
    }

    /**
     * A member follows a share link: the first visit per visitor and link is recorded (the sharer
     * opening their own link is not a visit), and the landing shows the community and the post.
     */
    Mono<ShareResponses.Landing> visit(String code, Caller caller) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Mono.error(noSuchShare());
        }
        return mongo.findOne(Query.query(Criteria.where("code").is(code)), Share.class)
                .switchIfEmpty(Mono.error(noSuchShare()))
                .flatMap(share -> record(share, caller.subject())
                        .then(memberships.summary(share.communityId()))
                        .flatMap(community -> posts.preview(share.postId())
                                .map(java.util.Optional::of)
                                .defaultIfEmpty(java.util.Optional.empty())
                                .map(post -> new ShareResponses.Landing(
                                        share.code(),
                                        share.sharerId(),
                                        share.sharerName(),
                                        share.depth(),
                                        community,
                                        post.orElse(null)))));
    }

    @Override
    public Mono<Attribution> attributionFor(String communityId, String memberId, Instant joinedAt) {
        return arrival(communityId, memberId, joinedAt).map(visit -> new Attribution(visit.code(), visit.sharerId()));
    }

    /** The latest share link the member arrived at this community through, within the window. */
    private Mono<ShareVisit> arrival(String communityId, String memberId, Instant at) {
        Query query = Query.query(Criteria.where("communityId")
                        .is(communityId)
                        .and("visitorId")
                        .is(memberId)
                        .and("lastVisitedAt")
                        .gte(at.minus(properties.attributionWindow()))
                        .lte(at))
                .with(Sort.by(Sort.Direction.DESC, "lastVisitedAt"))
                .limit(1);
        return mongo.findOne(query, ShareVisit.class);
    }

    private Mono<Void> record(Share share, String visitorId) {
        if (share.sharerId().equals(visitorId)) {
            return Mono.empty();
        }
        Instant now = clock.instant();
        Update update = new Update()
                .setOnInsert("code", share.code())
                .setOnInsert("visitorId", visitorId)
                .setOnInsert("sharerId", share.sharerId())
                .setOnInsert("sharerArrivalCode", share.parentCode())
                .setOnInsert("communityId", share.communityId())
                .setOnInsert("brandId", share.brandId())
                .setOnInsert("postId", share.postId())
                .setOnInsert("depth", share.depth())
                .setOnInsert("visitedAt", now)
                .set("lastVisitedAt", now);
        return mongo.findAndModify(
                        Query.query(Criteria.where("code")
                                .is(share.code())
                                .and("visitorId")
                                .is(visitorId)),
                        update,
                        FindAndModifyOptions.options().upsert(true).returnNew(true),
                        ShareVisit.class)
                .onErrorResume(DuplicateKeyException.class, raced -> Mono.empty())
                .then();
    }

    private static String newCode() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Problem noSuchShare() {
        return Problem.notFound("There is no such share link.");
    }
}
