package io.quanzi.member.offer;

/**
 * A collection whose documents carry an {@code outbox} array of {@link OfferCall}s. Each feature
 * that writes such documents declares one as a bean; the relay sweeps them all.
 */
public record OutboxSource(String collection) {}
