package io.quanzi.community.checkin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Offline scans to sync: at least one, at most {@code quanzi.community.checkin.batch-limit} (100 by default; checked by
 * {@link CheckIns#batch}, which answers 413 beyond it).
 */
record BatchRequest(@NotNull @Size(min = 1) List<@NotNull @Valid BatchItem> items) {}
