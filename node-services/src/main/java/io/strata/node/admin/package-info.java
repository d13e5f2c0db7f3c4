/**
 * Operator commands run from the same jar: {@code publish} pushes segment files built by the
 * engine to deep storage and records them in the metadata store, where the coordinator picks
 * them up (the path ingestion tasks use).
 */
package io.strata.node.admin;
