package io.quanzi.community.share;

import io.quanzi.community.community.CommunityMemberships;
import io.quanzi.community.community.JoinPolicy;
import io.quanzi.community.post.PostLookup;
import io.quanzi.platform.problem.Problem;
import java.util.regex.Pattern;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The public preview of a share link, for the web app's landing page before sign-in. It only
 * reads: no visit is recorded (that happens when a signed-in member opens the link through
 * {@code GET /api/communities/shares/{code}}), so previews and crawlers never count as spread.
 * Invitation-only communities and hidden posts are never shown: they answer the same 404 as an
 * unknown code, so the preview does not even confirm that they exist.
 */
@Service
class SharePreviews {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{22}");

    private final ReactiveMongoTemplate mongo;
    private final CommunityMemberships memberships;
    private final PostLookup posts;

    SharePreviews(ReactiveMongoTemplate mongo, CommunityMemberships memberships, PostLookup posts) {
        this.mongo = mongo;
        this.memberships = memberships;
        this.posts = posts;
    }

    Mono<PublicShare> preview(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Mono.error(new Problem(
                    HttpStatus.BAD_REQUEST,
                    "invalid-share-code",
                    "A share code is 22 letters, digits, '-' or '_', as in the share link."));
        }
        return mongo.findOne(Query.query(Criteria.where("code").is(code)), Share.class)
                .flatMap(share -> memberships
                        .summary(share.communityId())
                        .onErrorResume(Problem.class, gone -> Mono.empty())
                        .filter(community -> community.joinPolicy() != JoinPolicy.INVITE_ONLY)
                        .flatMap(community -> posts.publicPreview(share.postId())
                                .map(post -> new PublicShare(
                                        share.code(),
                                        new PublicShare.PublicCommunity(
                                                community.id(),
                                                community.name(),
                                                community.description(),
                                                community.kind(),
                                                community.brandId()),
                                        post,
                                        share.sharerName(),
                                        share.depth()))))
                .switchIfEmpty(Mono.error(() -> new Problem(
                        HttpStatus.NOT_FOUND, "share-not-found", "This share link is unknown or no longer public.")));
    }
}
