package io.quanzi.offer.points;

/**
 * The result of a points write, the same on every repeat of its idempotency key.
 *
 * @param entryId the ledger entry
 * @param points the change to the balance: positive for earnings and refunds, negative for spends
 *     and reversals
 * @param balance the balance right after this entry was applied
 * @param duplicate true when this answers a repeat of an earlier request
 */
public record PointsResult(
        String entryId, String memberId, String brandId, long points, long balance, boolean duplicate) {}
