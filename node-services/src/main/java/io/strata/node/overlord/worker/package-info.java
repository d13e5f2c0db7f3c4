/**
 * Control path: how the overlord picks a worker for a task, Druid's worker select strategies
 * ({@code equalDistribution}, {@code fillCapacity} and their {@code WithCategorySpec} forms) and
 * their dynamic config JSON ({@code /druid/indexer/v1/worker}, stored as {@code worker.config}).
 */
package io.strata.node.overlord.worker;
