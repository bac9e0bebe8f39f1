package io.quanzi.community.checkin;

import java.time.Instant;

/** A fresh code to render as a QR; fetch the next one after {@code refreshInSeconds}. */
record CheckInTokenResponse(String token, Instant expiresAt, long refreshInSeconds) {}
