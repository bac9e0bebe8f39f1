package io.quanzi.community.share;

import io.quanzi.community.community.CommunityKind;
import io.quanzi.community.post.PostLookup;

/**
 * A share link as anyone may see it without signing in: the community's public face, a preview
 * of the post and the sharer's display name. No member ids, no counts.
 */
record PublicShare(String code, PublicCommunity community, PostLookup.PublicPost post, String sharerName, int depth) {

    record PublicCommunity(String id, String name, String description, CommunityKind kind, String brandId) {}
}
