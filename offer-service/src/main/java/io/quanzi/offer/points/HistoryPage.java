package io.quanzi.offer.points;

import java.time.Instant;
import java.util.List;

/**
 * One page of a member's points history, newest first.
 *
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 */
record HistoryPage(List<Item> items, String nextCursor) {

    /**
     * One applied ledger entry as the member sees it.
     *
     * @param points the change to the balance
     * @param expiresAt when the points of an earning expire (null for other entries)
     */
    record Item(
            String entryId,
            String type,
            String activity,
            String reason,
            long points,
            String sourceRef,
            Instant createdAt,
            Instant expiresAt) {

        static Item of(PointsEntry entry) {
            return new Item(
                    entry.id(),
                    entry.type().name(),
                    entry.activity(),
                    entry.reason(),
                    entry.points(),
                    entry.sourceRef(),
                    entry.createdAt(),
                    entry.batchDelta() > 0 ? entry.batchExpiresAt() : null);
        }
    }
}
