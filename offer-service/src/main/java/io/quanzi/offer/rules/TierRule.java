package io.quanzi.offer.rules;

import java.math.BigDecimal;

/**
 * One rung of a brand's tier ladder: reached with {@code threshold} points earned in the rolling
 * window; earnings while in it are multiplied by {@code multiplier}.
 */
public record TierRule(String name, long threshold, BigDecimal multiplier) {}
