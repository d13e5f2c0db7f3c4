package io.strata.node.deepstorage.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.time.Interval;
import io.strata.node.deepstorage.LoadSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalDeepStorageTest {

	private static final SegmentId SEGMENT = new SegmentId("usage", Interval.parse("2026-01-01/2026-01-02"),
			"2026-01-03T04:05:06.789Z", 0);

	@TempDir
	Path temp;

	@Test
	void pushedBytesComeBackIdentical() throws IOException {
		LocalDeepStorage storage = new LocalDeepStorage(this.temp.resolve("deep"));
		Path source = file("source", randomBytes(200_003, 1));

		LoadSpec spec = storage.push(SEGMENT, source);
		Path pulled = this.temp.resolve("pulled.strata");
		storage.pull(spec, pulled);

		assertThat(spec).isEqualTo(new LoadSpec.Local(storage.pathOf(SEGMENT).toString()));
		assertThat(Path.of(((LoadSpec.Local) spec).path())).isAbsolute().startsWithRaw(storage.root());
		assertThat(Files.readAllBytes(pulled)).isEqualTo(Files.readAllBytes(source));
	}

	@Test
	void objectPathIsDruidLikeAndFileNameSafe() {
		LocalDeepStorage storage = new LocalDeepStorage(this.temp);

		assertThat(storage.root().relativize(storage.pathOf(SEGMENT)).toString())
			.isEqualTo("usage/20260101T000000.000Z_20260102T000000.000Z/20260103T040506.789Z/0/segment.strata");
		SegmentId hostile = new SegmentId("../etc:x/y", Interval.parse("2026-01-01/2026-02-01"), "v:1/..", 7);
		Path path = storage.pathOf(hostile);
		assertThat(path.normalize()).isEqualTo(path).startsWithRaw(this.temp);
		assertThat(storage.root().relativize(path).toString())
			.isEqualTo("%2E.%2Fetc%3Ax%2Fy/20260101T000000.000Z_20260201T000000.000Z/v%3A1%2F../7/segment.strata");
	}

	@Test
	void pushReplacesAnEarlierObject() throws IOException {
		LocalDeepStorage storage = new LocalDeepStorage(this.temp.resolve("deep"));
		storage.push(SEGMENT, file("first", randomBytes(1000, 2)));
		byte[] second = randomBytes(500, 3);

		LoadSpec spec = storage.push(SEGMENT, file("second", second));

		assertThat(Files.readAllBytes(Path.of(((LoadSpec.Local) spec).path()))).isEqualTo(second);
		assertThat(namesIn(storage.pathOf(SEGMENT).getParent())).containsExactly("segment.strata");
	}

	@Test
	void pullReplacesAnExistingTargetAndLeavesNoTemporaryFile() throws IOException {
		LocalDeepStorage storage = new LocalDeepStorage(this.temp.resolve("deep"));
		byte[] bytes = randomBytes(4096, 4);
		LoadSpec spec = storage.push(SEGMENT, file("source", bytes));
		Path cache = Files.createDirectories(this.temp.resolve("cache"));
		Path target = Files.write(cache.resolve("segment.strata"), new byte[] { 1, 2, 3 });

		storage.pull(spec, target);

		assertThat(Files.readAllBytes(target)).isEqualTo(bytes);
		assertThat(namesIn(cache)).containsExactly("segment.strata");
	}

	@Test
	void pullOfAMissingObjectNamesItAndCreatesNothing() throws IOException {
		LocalDeepStorage storage = new LocalDeepStorage(this.temp.resolve("deep"));
		Path cache = Files.createDirectories(this.temp.resolve("cache"));
		LoadSpec missing = new LoadSpec.Local(storage.pathOf(SEGMENT).toString());

		assertThatThrownBy(() -> storage.pull(missing, cache.resolve("segment.strata")))
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.SEGMENT_NOT_FOUND))
			.hasMessageContaining(storage.pathOf(SEGMENT).toString());
		assertThat(namesIn(cache)).isEmpty();
	}

	@Test
	void pushOfAMissingFileNamesTheSegmentAndWritesNothing() {
		LocalDeepStorage storage = new LocalDeepStorage(this.temp.resolve("deep"));

		assertThatThrownBy(() -> storage.push(SEGMENT, this.temp.resolve("nothing")))
			.isInstanceOf(StrataException.class)
			.hasMessageContaining(SEGMENT.toString());
		assertThat(storage.pathOf(SEGMENT)).doesNotExist();
	}

	@Test
	void deleteRemovesTheObjectAndEmptyDirectoriesUpToTheRoot() throws IOException {
		Path root = this.temp.resolve("deep");
		LocalDeepStorage storage = new LocalDeepStorage(root);
		SegmentId otherDay = new SegmentId("usage", Interval.parse("2026-01-02/2026-01-03"), SEGMENT.version(), 0);
		LoadSpec first = storage.push(SEGMENT, file("a", randomBytes(10, 5)));
		LoadSpec second = storage.push(otherDay, file("b", randomBytes(10, 6)));

		storage.delete(first);

		assertThat(storage.pathOf(SEGMENT)).doesNotExist();
		assertThat(namesIn(root.resolve("usage"))).containsExactly("20260102T000000.000Z_20260103T000000.000Z");

		storage.delete(second);

		assertThat(namesIn(root)).isEmpty();
		assertThat(root).isDirectory();
	}

	@Test
	void deleteIsIdempotent() throws IOException {
		LocalDeepStorage storage = new LocalDeepStorage(this.temp.resolve("deep"));
		LoadSpec spec = storage.push(SEGMENT, file("a", randomBytes(10, 7)));

		storage.delete(spec);
		storage.delete(spec);

		assertThat(Path.of(((LoadSpec.Local) spec).path())).doesNotExist();
	}

	@Test
	void deleteOutsideTheRootRemovesOnlyTheFile() throws IOException {
		LocalDeepStorage storage = new LocalDeepStorage(this.temp.resolve("deep"));
		Path elsewhere = Files.createDirectories(this.temp.resolve("elsewhere/nested"));
		Path object = file("elsewhere/nested/segment.strata", randomBytes(10, 8));

		storage.delete(new LoadSpec.Local(object.toString()));

		assertThat(object).doesNotExist();
		assertThat(elsewhere).isDirectory();
	}

	@Test
	void handlesOnlyLocalLoadSpecs() {
		LocalDeepStorage storage = new LocalDeepStorage(this.temp);
		LoadSpec s3 = new LoadSpec.S3("bucket", "key");

		assertThat(storage.handles(new LoadSpec.Local("/any/path"))).isTrue();
		assertThat(storage.handles(s3)).isFalse();
		assertThatThrownBy(() -> storage.pull(s3, this.temp.resolve("x")))
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.UNSUPPORTED));
	}

	private Path file(String name, byte[] bytes) throws IOException {
		return Files.write(this.temp.resolve(name), bytes);
	}

	private static byte[] randomBytes(int size, long seed) {
		byte[] bytes = new byte[size];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

	static List<String> namesIn(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map(path -> path.getFileName().toString()).sorted().toList();
		}
	}

}
