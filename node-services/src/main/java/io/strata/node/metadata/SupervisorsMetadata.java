package io.strata.node.metadata;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The supervisors table ({@code <prefix>_supervisors}): every version of every supervisor spec,
 * never updated in place; the newest version of an id is its current spec. Thread-safe.
 */
public interface SupervisorsMetadata {

	/** Stores a new version of the spec. */
	void insert(String specId, String payload, String createdDate);

	/** The newest version of each spec id, by id. */
	Map<String, SpecVersion> latest();

	/** Every version of the spec, newest first (Druid's history order). */
	List<SpecVersion> history(String specId);

	/** One stored version: the spec JSON and when it was stored (Druid's {@code version}). */
	record SpecVersion(String payload, String version) {

		public SpecVersion {
			Objects.requireNonNull(payload, "payload");
			Objects.requireNonNull(version, "version");
		}

	}

}
