/**
 * Configuration: which roles this process runs ({@code strata.node.roles}) and the settings of
 * each part, bound from {@code strata.*} properties into records.
 */
package io.strata.node.config;
