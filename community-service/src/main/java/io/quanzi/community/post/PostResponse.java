package io.quanzi.community.post;

import java.time.Instant;
import java.util.List;

/**
 * A post as a reader sees it. {@code hidden} and {@code reportCount} are only filled for the
 * community's moderators (members never see hidden posts at all). {@code authorName} is null for
 * posts written before names were stored.
 */
record PostResponse(
        String id,
        String communityId,
        String authorId,
        String authorName,
        String text,
        List<String> imageUrls,
        Instant createdAt,
        long likeCount,
        long commentCount,
        long shareCount,
        Boolean hidden,
        Long reportCount) {

    static PostResponse of(Post post, boolean moderator) {
        return new PostResponse(
                post.id(),
                post.communityId(),
                post.authorId(),
                post.authorName(),
                post.text(),
                post.imageUrls() == null ? List.of() : post.imageUrls(),
                post.createdAt(),
                post.likeCount(),
                post.commentCount(),
                post.shareCount(),
                moderator ? post.hidden() : null,
                moderator ? post.reportCount() : null);
    }

    /** One page of a feed, newest first; pass {@code nextCursor} back to read on (null at the end). */
    record Page(List<PostResponse> items, String nextCursor) {}

    record CommentResponse(
            String id, String postId, String authorId, String authorName, String text, Instant createdAt) {
        static CommentResponse of(Comment c) {
            return new CommentResponse(c.id(), c.postId(), c.authorId(), c.authorName(), c.text(), c.createdAt());
        }
    }

    record CommentPage(List<CommentResponse> items, String nextCursor) {}

    record LikeResponse(String postId, boolean liked, long likeCount) {}
}
