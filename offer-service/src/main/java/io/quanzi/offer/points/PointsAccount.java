package io.quanzi.offer.points;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member's points at one brand. {@code balance} and {@code lifetimeEarned} change only in the
 * same atomic update that appends the entry's id to {@code decisions}, guarded by "this id is not
 * in decisions yet": that single update is what makes applying an entry happen at most once.
 * Decisions are pruned after {@code LedgerSteps.DECISION_RETENTION}, long after the entry settled.
 *
 * @param applyCount how many entries were applied; an expiry computed from a snapshot applies only
 *     if it is unchanged
 * @param earnedInWindow tier-qualifying points earned in the brand's window, as of
 *     {@code windowComputedAt} (refreshed on every earning and by the tier review)
 */
@Document("points_accounts")
record PointsAccount(
        @Id String id,
        String brandId,
        String memberId,
        long balance,
        long lifetimeEarned,
        long earnedInWindow,
        Instant windowComputedAt,
        long applyCount,
        List<Decision> decisions,
        Instant createdAt) {

    /** The account's verdict on one entry: applied (part of the balance) or rejected. */
    record Decision(String entryId, boolean applied, Instant at) {}

    static String idOf(String brandId, String memberId) {
        return brandId + "/" + memberId;
    }

    Optional<Decision> decisionFor(String entryId) {
        return decisions == null
                ? Optional.empty()
                : decisions.stream()
                        .filter(decision -> decision.entryId().equals(entryId))
                        .findFirst();
    }
}
