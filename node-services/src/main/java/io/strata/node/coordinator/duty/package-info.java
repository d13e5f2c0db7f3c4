/** One class per coordinator duty, each a verb phrase, run in order by the leader on every period. */
package io.strata.node.coordinator.duty;
