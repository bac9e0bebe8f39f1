package io.quanzi.member.referral;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A member's invite code for one brand; the code is the id, so it is unique by construction. */
@Document("invites")
record Invite(@Id String code, String memberId, String brandId, Instant createdAt) {}
