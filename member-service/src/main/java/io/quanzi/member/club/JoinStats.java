package io.quanzi.member.club;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Joins per ISO week, by source. Weeks run from Monday 00:00 to Sunday 24:00 in the brand's {@code timezone} (its
 * IANA zone id); {@code weekStart} is that Monday.
 */
record JoinStats(String brandId, String timezone, List<Week> weeks) {

    record Week(LocalDate weekStart, Map<JoinSource, Long> bySource, long total) {}
}
