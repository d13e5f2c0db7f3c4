/**
 * Control path, compaction: Druid's {@code compact} task, which rewrites an interval's segments
 * into fewer, larger ones of a newer version without changing any answer.
 */
package io.strata.node.task.compact;
