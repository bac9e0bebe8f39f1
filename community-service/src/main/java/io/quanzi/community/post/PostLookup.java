package io.quanzi.community.post;

import io.quanzi.platform.problem.Problem;
import io.quanzi.platform.security.Caller;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** What the share feature needs of posts: a post the caller may see, and counting a share. */
@Component
public class PostLookup {

    /** How much of a post a public share page shows. */
    public static final int PUBLIC_EXCERPT = 280;

    private final Posts posts;

    PostLookup(Posts posts) {
        this.posts = posts;
    }

    /** The post, if the caller may see it (404 / 403 problems otherwise). */
    public Mono<PostRef> visible(String postId, Caller caller) {
        return posts.visiblePost(postId, caller)
                .map(seen -> PostRef.of(seen.post(), seen.access().canParticipate()));
    }

    /**
     * A preview of a post for a share link's landing page, whoever follows the link: a share is
     * an invitation, so its one post is previewed even to non-members. Empty if the post is hidden.
     */
    public Mono<PostRef> preview(String postId) {
        return posts.post(postId).filter(post -> !post.hidden()).map(post -> PostRef.of(post, false));
    }

    /**
     * A post as a share link shows it to anyone, signed in or not: the first {@value #PUBLIC_EXCERPT}
     * characters, the images, when and by whom (display name only). Empty if the post is hidden or gone.
     */
    public Mono<PublicPost> publicPreview(String postId) {
        return posts.post(postId)
                .onErrorResume(Problem.class, gone -> Mono.empty())
                .filter(post -> !post.hidden())
                .map(PublicPost::of);
    }

    public Mono<Void> countShare(String postId) {
        return posts.incrementPost(postId, "shareCount", 1).then();
    }

    /** A post's identity and a preview for share pages; {@code callerMayShare} = caller is an active member. */
    public record PostRef(
            String id,
            String communityId,
            String brandId,
            String authorId,
            String authorName,
            String text,
            boolean callerMayShare) {
        static PostRef of(Post post, boolean callerMayShare) {
            return new PostRef(
                    post.id(),
                    post.communityId(),
                    post.brandId(),
                    post.authorId(),
                    post.authorName(),
                    excerpt(post.text(), 140),
                    callerMayShare);
        }
    }

    /** What a public share page shows of a post: no member id, the author's display name only. */
    public record PublicPost(String id, String text, List<String> imageUrls, Instant createdAt, String authorName) {
        static PublicPost of(Post post) {
            return new PublicPost(
                    post.id(),
                    excerpt(post.text(), PUBLIC_EXCERPT),
                    post.imageUrls() == null ? List.of() : post.imageUrls(),
                    post.createdAt(),
                    post.authorName());
        }
    }

    /** The first {@code max} characters (whole code points, so no emoji is cut in half), "…" if cut. */
    static String excerpt(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max)) + "…";
    }
}
