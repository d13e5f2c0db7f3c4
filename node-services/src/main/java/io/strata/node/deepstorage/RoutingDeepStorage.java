package io.strata.node.deepstorage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.strata.engine.error.StrataException;
import io.strata.engine.segment.SegmentId;

/**
 * Pushes to one storage and pulls or deletes through whichever storage handles the load spec.
 * A cluster that moved from local to S3 deep storage (or a test cluster whose indexer pushes
 * locally while its historicals are set up for S3) still has segments whose payload names the
 * old storage; this lets one node read both. Thread-safe when its delegates are.
 */
public final class RoutingDeepStorage implements DeepStorage {

	private final DeepStorage pushTarget;

	/** The push target first, then the extra readers in the order given: the first that handles a spec wins. */
	private final List<DeepStorage> readers;

	public RoutingDeepStorage(DeepStorage pushTarget, List<DeepStorage> readers) {
		this.pushTarget = Objects.requireNonNull(pushTarget, "pushTarget");
		List<DeepStorage> all = new ArrayList<>();
		all.add(pushTarget);
		for (DeepStorage reader : Objects.requireNonNull(readers, "readers")) {
			all.add(Objects.requireNonNull(reader, "readers element"));
		}
		this.readers = List.copyOf(all);
	}

	@Override
	public LoadSpec push(SegmentId id, Path segmentFile) {
		return this.pushTarget.push(id, segmentFile);
	}

	@Override
	public void pull(LoadSpec loadSpec, Path target) {
		readerFor(loadSpec).pull(loadSpec, target);
	}

	@Override
	public void delete(LoadSpec loadSpec) {
		readerFor(loadSpec).delete(loadSpec);
	}

	@Override
	public boolean handles(LoadSpec loadSpec) {
		for (DeepStorage reader : this.readers) {
			if (reader.handles(loadSpec)) {
				return true;
			}
		}
		return false;
	}

	private DeepStorage readerFor(LoadSpec loadSpec) {
		for (DeepStorage reader : this.readers) {
			if (reader.handles(loadSpec)) {
				return reader;
			}
		}
		throw StrataException.unsupported("LoadSpec[%s] is handled by no configured deep storage", loadSpec);
	}

}
