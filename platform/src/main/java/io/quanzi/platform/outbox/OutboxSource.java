package io.quanzi.platform.outbox;

/**
 * A collection whose documents carry an {@code outbox} array of {@link OutboxEntry entries}. Each feature that writes
 * such documents declares one as a bean; the relay sweeps them all.
 */
public record OutboxSource(String collection) {}
