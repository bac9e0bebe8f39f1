package io.quanzi.platform.outbox;

import java.util.function.Function;
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

    /** A handler made of its kind and its delivery. */
    static OutboxHandler of(String kind, boolean ordered, Function<OutboxEntry, Mono<OutboxResult>> deliver) {
        return new Of(kind, ordered, false, deliver);
    }

    /** A handler whose delivered entries forget their payload (see {@link #forgetPayloadWhenDone()}). */
    static OutboxHandler forgetting(String kind, Function<OutboxEntry, Mono<OutboxResult>> deliver) {
        return new Of(kind, false, true, deliver);
    }

    /** The handler {@link #of} and {@link #forgetting} make. */
    record Of(
            String kind,
            boolean ordered,
            boolean forgetPayloadWhenDone,
            Function<OutboxEntry, Mono<OutboxResult>> delivery)
            implements OutboxHandler {

        @Override
        public Mono<OutboxResult> deliver(OutboxEntry entry) {
            return delivery.apply(entry);
        }
    }
}
