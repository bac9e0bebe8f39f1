package io.quanzi.platform.privacy;

import java.util.Set;

/**
 * How a service forgets a member ({@link MemberDataStore#erase}). Everything not named here is pseudonymized: the
 * member's id becomes the pseudonym wherever it occurs (fields, keys such as {@code checkin:{event}:{member}}, outbox
 * payloads), consistently, so counts, sums and idempotency keys still add up.
 *
 * @param deleted collections whose documents about the member are deleted outright (profile-like data with no role
 *     in any count or sum)
 * @param cleared fields set to null in the member's documents (copies of personal data such as a display name)
 * @param untouched collections never read (keys, and records that must keep the real id until delivered)
 */
public record ErasurePolicy(Set<String> deleted, Set<String> cleared, Set<String> untouched) {

    public ErasurePolicy {
        deleted = Set.copyOf(deleted);
        cleared = Set.copyOf(cleared);
        untouched = Set.copyOf(untouched);
    }
}
