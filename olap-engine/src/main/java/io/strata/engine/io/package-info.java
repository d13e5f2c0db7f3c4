/**
 * Small file-system helpers the engine and the nodes share.
 */
package io.strata.engine.io;
