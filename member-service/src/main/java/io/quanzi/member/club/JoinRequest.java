package io.quanzi.member.club;

import io.quanzi.member.system.Ids;
import jakarta.validation.constraints.Pattern;

/** Joining a club: all optional. An invite code makes the source REFERRAL unless told otherwise. */
record JoinRequest(
        JoinSource source,
        @Pattern(regexp = Ids.SLUG, message = "must be a store id") String storeId,
        @Pattern(regexp = "[0-9A-Za-z]{8}", message = "must be an 8-character invite code") String inviteCode) {

    static final JoinRequest EMPTY = new JoinRequest(null, null, null);
}
