/**
 * Deep storage in a directory: the single-machine default, or a shared mount (NFS) seen at the
 * same path by every node. Indexers push here, historicals pull from here (data path).
 */
package io.strata.node.deepstorage.local;
