package io.quanzi.community.post;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Marks a member's first post in a community; its id is the award's idempotency key, so only one exists. */
@Document("community_first_posts")
record FirstPost(@Id String id, String postId) {}
