package io.quanzi.community.share;

import io.quanzi.community.community.CommunitySummary;
import io.quanzi.community.post.PostLookup;

final class ShareResponses {

    private ShareResponses() {}

    /** A new share link. */
    record Created(String code, String url, String postId, int depth) {}

    /** What a visitor of a share link sees: who shared, the community and a preview of the post. */
    record Landing(
            String code,
            String sharerId,
            String sharerName,
            int depth,
            CommunitySummary community,
            PostLookup.PostRef post) {}
}
