package io.quanzi.community.post;

import io.quanzi.community.community.Caller;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** What the share feature needs of posts: a post the caller may see, and counting a share. */
@Component
public class PostLookup {

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

    public Mono<Void> countShare(String postId) {
        return posts.incrementPost(postId, "shareCount", 1).then();
    }

    /** A post's identity and a preview for share pages; {@code callerMayShare} = caller is an active member. */
    public record PostRef(
            String id, String communityId, String brandId, String authorId, String text, boolean callerMayShare) {
        static PostRef of(Post post, boolean callerMayShare) {
            String preview = post.text().length() > 140 ? post.text().substring(0, 140) + "…" : post.text();
            return new PostRef(post.id(), post.communityId(), post.brandId(), post.authorId(), preview, callerMayShare);
        }
    }
}
