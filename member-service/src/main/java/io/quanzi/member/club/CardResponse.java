package io.quanzi.member.club;

import java.time.Instant;

/**
 * The digital member card. {@code tier} comes from offer-service; when it cannot be read right
 * now, {@code tier} is null and {@code tierAvailable} false, and the card still works.
 */
record CardResponse(
        String brandId,
        String brandName,
        long memberNumber,
        Instant joinedAt,
        String tier,
        boolean tierAvailable,
        String qrPayload,
        String qrSvgDataUrl) {}
