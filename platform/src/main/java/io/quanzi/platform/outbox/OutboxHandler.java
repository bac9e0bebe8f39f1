package io.quanzi.platform.outbox;

import reactor.core.publisher.Mono;

/**
 * Delivers the entries of one {@link OutboxEntry#kind()}; a service declares one bean per kind it writes. A handler
 * sends, it never retries itself: the relay does, with back-off, and every delivery must be idempotent (the same entry
 * may be sent twice after a lost acknowledgement).
 */
public interface OutboxHandler {

    /** The kind this handler delivers. */
    String kind();

    /**
     * Whether entries of this kind must arrive in the order they were written within one document (a "present" fact
     * must not be overtaken by the "absent" after it): an ordered entry waits while an earlier ordered entry of the
     * same document is pending and not yet delivered. Unordered entries go regardless.
     */
    default boolean ordered() {
        return false;
    }

    /**
     * Whether a delivered entry's payload is emptied: for payloads that must not outlive their delivery, such as the
     * real member id an erasure carries to the other services.
     */
    default boolean forgetPayloadWhenDone() {
        return false;
    }

    /**
     * Sends the entry. Completes with the outcome; an error counts as {@link OutboxResult#retry retryable}, so a
     * handler maps only the refusals it knows to be permanent.
     */
    Mono<OutboxResult> deliver(OutboxEntry entry);
}
