/**
 * CONTRACT: what a segment is to the rest of Strata: its id, its metadata (readable without
 * scanning data) and its columns. Ingestion writes segments, historicals and indexers read them,
 * queries scan them. Implementations live in {@code .format}, {@code .encoding} and {@code .merge}.
 */
package io.strata.engine.segment;
