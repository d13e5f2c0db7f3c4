/**
 * Deep storage: the durable home of published segments, between the indexers that push them
 * and the historicals that pull them (data path). {@link io.strata.node.deepstorage.DeepStorage}
 * is the port; {@code local} and {@code s3} are its adapters. The object layout and the load-spec
 * JSON are shared here so that every adapter writes the same keys and Druid's payload shape.
 */
package io.strata.node.deepstorage;
