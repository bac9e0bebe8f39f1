package io.quanzi.community.checkin;

import java.util.List;

/** One result per batch item, in the order sent. */
record BatchResponse(List<BatchItemResult> results) {}
