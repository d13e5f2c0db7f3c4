package io.strata.gateway.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The files the gateway keeps in deep storage (the raw-event archive), by key: relative,
 * '/'-separated, e.g. {@code archive/usage/dt=2026-12-07/hour=13/usage-events-0-100-199.parquet}.
 * A put is all or nothing: a reader never sees part of a file.
 */
public interface DeepStorage {

	/** Stores the local file under the key, replacing what was there; durable when this returns. */
	void put(String key, Path file) throws IOException;

	/** Stores a small object (markers, manifests). */
	void putBytes(String key, byte[] bytes) throws IOException;

	/** A small object's bytes, empty when there is none. */
	Optional<byte[]> readBytes(String key) throws IOException;

	/** Copies the object to a local file. */
	void download(String key, Path target) throws IOException;

	/** Removes the object; nothing happens when there is none. */
	void delete(String key) throws IOException;

	/** Every key that starts with the prefix, sorted. */
	List<String> list(String prefix) throws IOException;

	/** Where the key lives, as a URI for messages and logs ({@code file:} or {@code s3:}). */
	String uriOf(String key);

}
