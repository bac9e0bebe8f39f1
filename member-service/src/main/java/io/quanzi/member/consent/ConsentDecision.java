package io.quanzi.member.consent;

import java.time.Instant;

/** One consent decision as recorded in the history. */
record ConsentDecision(boolean granted, String textVersion, ConsentChannel channel, Instant decidedAt) {}
