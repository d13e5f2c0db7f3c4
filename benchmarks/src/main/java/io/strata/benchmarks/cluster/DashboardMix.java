package io.strata.benchmarks.cluster;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

import io.strata.engine.error.StrataException;

/**
 * What the dashboard asks: one of the {@link DashboardQuery} types, each as likely as the others,
 * for an account drawn uniformly from the given ones (the busiest accounts, whose pages are
 * opened most and whose queries read the most rows). Immutable; the caller owns the random
 * generator, one per client thread.
 */
final class DashboardMix {

	private static final DashboardQuery[] TYPES = DashboardQuery.values();

	private final List<String> accounts;

	private final CacheMode cache;

	/** A query to send: its type (for the per-type figures) and its JSON. */
	record Request(DashboardQuery type, String json) {

		Request {
			Objects.requireNonNull(type, "type");
			Objects.requireNonNull(json, "json");
		}

	}

	DashboardMix(List<String> accounts, CacheMode cache) {
		if (accounts.isEmpty()) {
			throw StrataException.invalidInput("The mix needs at least one account");
		}
		this.accounts = List.copyOf(accounts);
		this.cache = Objects.requireNonNull(cache, "cache");
	}

	CacheMode cache() {
		return this.cache;
	}

	Request next(RandomGenerator random) {
		DashboardQuery type = TYPES[random.nextInt(TYPES.length)];
		String account = this.accounts.get(random.nextInt(this.accounts.size()));
		return new Request(type, type.json(account, this.cache));
	}

}
