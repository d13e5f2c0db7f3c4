/**
 * Control path, data lifecycle: Druid's {@code kill} task, which deletes unused segments from the
 * metadata store (through the overlord, under the task's lock) and then from deep storage.
 */
package io.strata.node.task.kill;
