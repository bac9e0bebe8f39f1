package io.quanzi.platform.outbox;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One effect in another service that must happen eventually, stored in the {@code outbox} array of the document that
 * causes it, so cause and effect are written by one atomic single-document update. {@link OutboxRelay} delivers it
 * through the {@link OutboxHandler} registered for its {@code kind} until the target acknowledges it.
 *
 * @param key unique within the document (often the idempotency key the handler sends)
 * @param kind which handler delivers it
 * @param payload what the handler needs, self-contained: the relay never reads the rest of the document
 * @param state PENDING until DONE, FAILED (refused for good) or SKIPPED (the handler found it does not apply)
 * @param attempts how many times it was claimed
 * @param nextAttemptAt when it is due; also the lease: claiming an entry pushes it forward by
 *     {@code quanzi.outbox.lease}, so the prompt attempt, the sweep and other instances never send it at once
 * @param lastError why the last attempt did not succeed
 * @param createdAt when the cause was written
 * @param settledAt when it became DONE, FAILED or SKIPPED
 */
public record OutboxEntry(
        String key,
        String kind,
        Map<String, Object> payload,
        State state,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant settledAt) {

    /** The document field that holds a document's entries. */
    public static final String FIELD = "outbox";

    public enum State {
        PENDING,
        DONE,
        FAILED,
        SKIPPED
    }

    public OutboxEntry {
        payload = payload == null ? Map.of() : payload;
    }

    /** A new entry, due at once. */
    public static OutboxEntry of(String key, String kind, Map<String, Object> payload, Instant now) {
        return new OutboxEntry(key, kind, payload, State.PENDING, 0, now, null, now, null);
    }

    /** A new entry with a random id, for effects that may happen several times per document (facts). */
    public static OutboxEntry unique(String kind, Map<String, Object> payload, Instant now) {
        return of(kind + ":" + UUID.randomUUID(), kind, payload, now);
    }

    public boolean pending() {
        return state == State.PENDING;
    }

    /** A payload value as text, or null. */
    public String text(String name) {
        Object value = payload.get(name);
        return value == null ? null : value.toString();
    }

    /** A payload value as a number, or null. */
    public Long number(String name) {
        return payload.get(name) instanceof Number number ? number.longValue() : null;
    }

    /** A payload value as a flag (absent is false). */
    public boolean flag(String name) {
        return Boolean.TRUE.equals(payload.get(name));
    }
}
