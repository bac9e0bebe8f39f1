package io.quanzi.community.checkin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Offline scans to sync, at most 100 per batch. */
record BatchRequest(@NotNull @Size(min = 1, max = 100) List<@NotNull @Valid BatchItem> items) {}
