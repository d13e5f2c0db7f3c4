package io.strata.node.broker.cache;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

import io.strata.engine.error.StrataException;

/**
 * An in-memory LRU cache of per-segment intermediate results (JSON bytes), bounded by the bytes
 * of its keys and values together ({@link CacheKey#weight()} plus the value's length).
 *
 * <p>
 * Threading: thread-safe. One lock guards an access-ordered {@link LinkedHashMap}; each critical
 * section is a map lookup or insert plus, on a put, the evictions that insert causes (each O(1)).
 * Copying values and computing weights happen outside the lock, and hit and miss counters are
 * {@link LongAdder}s, so query threads hold the lock for well under a microsecond. That is cheap
 * next to the data-server round trip a hit saves; a striped or lock-free cache would only pay
 * off at far higher hit rates per second than a broker sees.
 *
 * <p>
 * Values are copied in and out: a caller may reuse or change its array and never change what
 * another thread reads.
 */
public final class ResultCache {

	/** A value (with its key) above this share of the bound would evict too much to be worth it. */
	private static final int MAX_ENTRY_SHARE = 10;

	private final long maxBytes;

	private final long maxEntryBytes;

	private final ReentrantLock lock = new ReentrantLock();

	/** Guarded by {@link #lock}; iteration order is least recently used first. */
	private final LinkedHashMap<CacheKey, byte[]> entries = new LinkedHashMap<>(16, 0.75f, true);

	/** Guarded by {@link #lock}. */
	private long bytes;

	/** Guarded by {@link #lock}. */
	private long puts;

	/** Guarded by {@link #lock}. */
	private long evictions;

	private final LongAdder hits = new LongAdder();

	private final LongAdder misses = new LongAdder();

	public ResultCache(long maxBytes) {
		if (maxBytes <= 0) {
			throw StrataException.invalidSpec("Result cache maxBytes[%s] must be positive", maxBytes);
		}
		this.maxBytes = maxBytes;
		this.maxEntryBytes = maxBytes / MAX_ENTRY_SHARE;
	}

	/** The cached value for {@code key}, as a copy the caller owns; marks the entry recently used. */
	public Optional<byte[]> get(CacheKey key) {
		Objects.requireNonNull(key, "key");
		byte[] value;
		this.lock.lock();
		try {
			value = this.entries.get(key);
		}
		finally {
			this.lock.unlock();
		}
		if (value == null) {
			this.misses.increment();
			return Optional.empty();
		}
		this.hits.increment();
		// stored arrays are never written after the put, so copying outside the lock is safe
		return Optional.of(Arrays.copyOf(value, value.length));
	}

	/**
	 * Stores a copy of {@code value} under {@code key}, replacing any earlier value, then evicts
	 * least recently used entries until the bound holds again. An entry (key and value) larger than
	 * a tenth of the bound is not stored, and any earlier value under the key is dropped, so that
	 * the cache never answers with something other than the latest value put.
	 */
	public void put(CacheKey key, byte[] value) {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(value, "value");
		long weight = key.weight() + value.length;
		if (weight > this.maxEntryBytes) {
			this.lock.lock();
			try {
				remove(key);
			}
			finally {
				this.lock.unlock();
			}
			return;
		}
		byte[] copy = Arrays.copyOf(value, value.length);
		this.lock.lock();
		try {
			remove(key);
			this.entries.put(key, copy);
			this.bytes += weight;
			this.puts++;
			evictToBound();
		}
		finally {
			this.lock.unlock();
		}
	}

	public CacheStats stats() {
		this.lock.lock();
		try {
			return new CacheStats(this.hits.sum(), this.misses.sum(), this.puts, this.evictions, this.entries.size(),
					this.bytes);
		}
		finally {
			this.lock.unlock();
		}
	}

	public long maxBytes() {
		return this.maxBytes;
	}

	/** Caller holds the lock. */
	private void remove(CacheKey key) {
		byte[] old = this.entries.remove(key);
		if (old != null) {
			this.bytes -= key.weight() + old.length;
		}
	}

	/** Caller holds the lock. */
	private void evictToBound() {
		Iterator<Map.Entry<CacheKey, byte[]>> eldest = this.entries.entrySet().iterator();
		while (this.bytes > this.maxBytes && eldest.hasNext()) {
			Map.Entry<CacheKey, byte[]> entry = eldest.next();
			this.bytes -= entry.getKey().weight() + entry.getValue().length;
			eldest.remove();
			this.evictions++;
		}
	}

}
