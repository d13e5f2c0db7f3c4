/**
 * Control path: the overlord's lockbox, Druid's time-chunk locks (EXCLUSIVE/SHARED, priorities,
 * revocation, versions from the acquisition time) kept in {@code <prefix>_tasklocks} so a new
 * leader restores them.
 */
package io.strata.node.overlord.lock;
