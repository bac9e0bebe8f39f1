package io.quanzi.offer.coupon;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How many coupons of an offer a member holds or is claiming: one document per (offer, member),
 * its id made of both. {@code claimIds} lists the claims counted, so a failed claim gives its slot
 * back exactly once.
 */
@Document("offer_member_slots")
record MemberSlot(@Id String id, String offerId, String memberId, int count, List<String> claimIds) {}
