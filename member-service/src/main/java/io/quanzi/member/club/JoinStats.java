package io.quanzi.member.club;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Joins per ISO week (weeks start on Monday, UTC), by source. */
record JoinStats(String brandId, List<Week> weeks) {

    record Week(LocalDate weekStart, Map<JoinSource, Long> bySource, long total) {}
}
