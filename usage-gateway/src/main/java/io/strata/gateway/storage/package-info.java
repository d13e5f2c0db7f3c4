/**
 * Deep storage as the gateway sees it: a local directory (the single-machine default) or an S3
 * bucket, holding the raw-event archive and the summary files batch jobs leave there.
 */
package io.strata.gateway.storage;
