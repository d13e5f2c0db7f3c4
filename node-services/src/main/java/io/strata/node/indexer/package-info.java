/**
 * Data path, ingestion side: the middleManager/indexer role. A worker announces its capacity and
 * category under {@code indexer/announcements}, runs the tasks the overlord assigns it under
 * {@code indexer/tasks/<worker>} in-process (at most its capacity at once), reports each task's
 * status under {@code indexer/status/<worker>}, keeps task logs and reports on disk, and reaches
 * the overlord leader over HTTP for locks and segment inserts.
 */
package io.strata.node.indexer;
