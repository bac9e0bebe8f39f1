package io.quanzi.offer.points;

/**
 * PENDING: written, maybe applied to the account, not yet settled. APPLIED: part of the balance.
 * REJECTED: never applied (not enough points, already reversed, stale expiry).
 */
enum EntryState {
    PENDING,
    APPLIED,
    REJECTED
}
