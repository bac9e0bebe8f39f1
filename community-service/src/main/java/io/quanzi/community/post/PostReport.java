package io.quanzi.community.post;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One member's report of one post (unique on postId + reporterId: a member reports a post once). */
@Document("community_reports")
record PostReport(@Id String id, String postId, String communityId, String reporterId, String reason, Instant at) {}
