/**
 * Data path, end of ingestion: a built segment goes to deep storage and its descriptor into the
 * metadata store, where the coordinator finds it and has historicals load it.
 */
package io.strata.node.publish;
