package io.quanzi.offer.points;

/** The adjustment as recorded; {@code adjustedBy} is the admin's subject. */
record AdjustmentResponse(
        String entryId,
        String memberId,
        String brandId,
        long points,
        long balance,
        String reason,
        String adjustedBy,
        boolean duplicate) {}
