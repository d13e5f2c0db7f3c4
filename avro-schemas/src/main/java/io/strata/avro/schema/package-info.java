/**
 * Classes generated at build time from {@code src/main/avro/*.avsc} by the avro-maven-plugin
 * (usage, contract and limit events and their enums). Edit the {@code .avsc} files, never the
 * generated code; {@link io.strata.avro.TrustedAvroPackages} lets Avro instantiate them.
 */
package io.strata.avro.schema;
