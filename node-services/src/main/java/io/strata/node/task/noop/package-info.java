/** Control path: Druid's {@code noop} task, which only waits; used to exercise the overlord and workers. */
package io.strata.node.task.noop;
