package io.quanzi.community.post;

import java.time.Instant;
import java.util.List;

/** A reported post in the moderation queue: a preview, who wrote it, how often and why it was reported. */
record ReportedPost(
        String postId,
        String communityId,
        String communityName,
        String authorId,
        String authorName,
        String text,
        int imageCount,
        Instant createdAt,
        long reportCount,
        List<Reason> reasons,
        Instant lastReportedAt,
        boolean hidden,
        String hiddenReason,
        Instant hiddenAt) {

    /** One reason as the reporters wrote it (trimmed), and how many gave it. */
    record Reason(String reason, long count) {}
}
