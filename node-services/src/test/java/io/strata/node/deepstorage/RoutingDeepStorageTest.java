package io.strata.node.deepstorage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.time.Interval;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutingDeepStorageTest {

	private static final SegmentId SEGMENT = new SegmentId("usage", Interval.parse("2026-01-01/2026-01-02"), "v1", 0);

	@Test
	void pushesToTheTargetAndReadsThroughWhicheverHandlesTheSpec() {
		RecordingStorage s3 = new RecordingStorage("s3", LoadSpec.S3.class);
		RecordingStorage local = new RecordingStorage("local", LoadSpec.Local.class);
		RoutingDeepStorage routing = new RoutingDeepStorage(s3, List.of(local));
		LoadSpec localSpec = new LoadSpec.Local("/deep/x");

		LoadSpec pushed = routing.push(SEGMENT, Path.of("/tmp/segment"));
		routing.pull(localSpec, Path.of("/cache/x"));
		routing.pull(pushed, Path.of("/cache/y"));
		routing.delete(localSpec);

		assertThat(s3.calls).containsExactly("push " + SEGMENT, "pull " + pushed);
		assertThat(local.calls).containsExactly("pull " + localSpec, "delete " + localSpec);
		assertThat(routing.handles(localSpec)).isTrue();
	}

	@Test
	void theFirstStorageThatHandlesASpecWins() {
		RecordingStorage first = new RecordingStorage("first", LoadSpec.Local.class);
		RecordingStorage second = new RecordingStorage("second", LoadSpec.Local.class);
		RoutingDeepStorage routing = new RoutingDeepStorage(first, List.of(second));

		routing.delete(new LoadSpec.Local("/x"));

		assertThat(first.calls).hasSize(1);
		assertThat(second.calls).isEmpty();
	}

	@Test
	void aSpecNoStorageHandlesIsRefused() {
		RoutingDeepStorage routing = new RoutingDeepStorage(new RecordingStorage("local", LoadSpec.Local.class),
				List.of());
		LoadSpec s3 = new LoadSpec.S3("b", "k");

		assertThat(routing.handles(s3)).isFalse();
		assertThatThrownBy(() -> routing.pull(s3, Path.of("/cache/x")))
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.UNSUPPORTED))
			.hasMessageContaining("b");
	}

	/** A fake storage that handles one kind of load spec and records what it was asked. */
	private static final class RecordingStorage implements DeepStorage {

		private final String name;

		private final Class<? extends LoadSpec> handled;

		private final List<String> calls = new ArrayList<>();

		RecordingStorage(String name, Class<? extends LoadSpec> handled) {
			this.name = name;
			this.handled = handled;
		}

		@Override
		public LoadSpec push(SegmentId id, Path segmentFile) {
			this.calls.add("push " + id);
			return this.handled == LoadSpec.S3.class ? new LoadSpec.S3(this.name, id.toString())
					: new LoadSpec.Local("/" + this.name + "/" + id);
		}

		@Override
		public void pull(LoadSpec loadSpec, Path target) {
			this.calls.add("pull " + loadSpec);
		}

		@Override
		public void delete(LoadSpec loadSpec) {
			this.calls.add("delete " + loadSpec);
		}

		@Override
		public boolean handles(LoadSpec loadSpec) {
			return this.handled.isInstance(loadSpec);
		}

	}

}
