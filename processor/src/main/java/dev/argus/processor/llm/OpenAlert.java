package dev.argus.processor.llm;

import java.time.Instant;

/**
 * An alert a rule opened for a subject and that has not recovered yet.
 *
 * @param alertId name-based on (rule, subject, opened time): a replay opens the same id
 */
record OpenAlert(String alertId, Instant openedAt, String ruleName, String ruleType) {}
