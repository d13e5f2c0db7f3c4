package io.strata.node.deepstorage.s3;

import io.strata.s3.S3ClientFactory;
import io.strata.s3.S3Settings;
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
import io.strata.s3.TestingS3Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class S3DeepStorageIT {

	private static TestingS3Server server;

	private static S3Client client;

	private static S3DeepStorage storage;

	@TempDir
	Path temp;

	@BeforeAll
	static void startServer() {
		server = TestingS3Server.start();
		client = S3ClientFactory.create(server.settings());
		storage = new S3DeepStorage(client, server.bucket(), server.settings().baseKey());
	}

	@AfterAll
	static void stopServer() {
		if (client != null) {
			client.close();
		}
		if (server != null) {
			server.close();
		}
	}

	@Test
	void fiveMegabytesComeBackIdentical() throws IOException {
		SegmentId id = segment("roundtrip", 0);
		Path source = file("source", randomBytes(5 * 1024 * 1024 + 11, 1));

		LoadSpec spec = storage.push(id, source);
		Path pulled = this.temp.resolve("pulled.strata");
		storage.pull(spec, pulled);

		String key = "segments/roundtrip/20260101T000000.000Z_20260102T000000.000Z/20260103T040506.789Z/0/segment.strata";
		assertThat(spec).isEqualTo(new LoadSpec.S3(server.bucket(), key));
		HeadObjectResponse head = client.headObject(request -> request.bucket(server.bucket()).key(key));
		assertThat(head.contentLength()).isEqualTo(Files.size(source));
		assertThat(Files.mismatch(source, pulled)).isEqualTo(-1L);
		assertThat(namesIn(this.temp)).containsExactly("pulled.strata", "source");
	}

	@Test
	void pushReplacesAnEarlierObject() throws IOException {
		SegmentId id = segment("overwrite", 3);
		storage.push(id, file("first", randomBytes(2000, 2)));
		byte[] second = randomBytes(1000, 3);

		LoadSpec spec = storage.push(id, file("second", second));
		Path pulled = this.temp.resolve("pulled");
		storage.pull(spec, pulled);

		assertThat(Files.readAllBytes(pulled)).isEqualTo(second);
	}

	@Test
	void deletedObjectsAreGoneAndDeletingAgainIsFine() throws IOException {
		SegmentId id = segment("deleted", 1);
		LoadSpec spec = storage.push(id, file("source", randomBytes(100, 4)));

		storage.delete(spec);
		storage.delete(spec);

		assertThatThrownBy(() -> storage.pull(spec, this.temp.resolve("pulled")))
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.SEGMENT_NOT_FOUND));
	}

	@Test
	void pullOfAMissingKeyNamesItAndLeavesNoFile() {
		LoadSpec missing = new LoadSpec.S3(server.bucket(), "segments/nothing/here/segment.strata");
		Path target = this.temp.resolve("pulled");

		assertThatThrownBy(() -> storage.pull(missing, target))
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.SEGMENT_NOT_FOUND))
			.hasMessageContaining(server.bucket())
			.hasMessageContaining("segments/nothing/here/segment.strata")
			.hasMessageContaining("NoSuchKey");
		assertThat(this.temp).isEmptyDirectory();
	}

	@Test
	void readsAndDeletesInAnotherBucketAndToleratesAMissingOne() throws IOException {
		server.createBucket("other-bucket");
		S3DeepStorage other = new S3DeepStorage(client, "other-bucket", "");
		SegmentId id = segment("elsewhere", 0);
		byte[] bytes = randomBytes(300, 5);
		LoadSpec spec = other.push(id, file("source", bytes));
		Path pulled = this.temp.resolve("pulled");

		storage.pull(spec, pulled);
		storage.delete(new LoadSpec.S3("no-such-bucket", "k"));

		assertThat(((LoadSpec.S3) spec).key()).startsWith("elsewhere/");
		assertThat(Files.readAllBytes(pulled)).isEqualTo(bytes);
	}

	@Test
	void pushToAMissingBucketNamesTheSegmentBucketAndKey() throws IOException {
		S3DeepStorage nowhere = new S3DeepStorage(client, "no-such-bucket", "base");
		SegmentId id = segment("lost", 0);
		Path source = file("source", randomBytes(10, 6));

		assertThatThrownBy(() -> nowhere.push(id, source))
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.IO_FAILURE))
			.hasMessageContaining(id.toString())
			.hasMessageContaining("no-such-bucket")
			.hasMessageContaining(nowhere.keyOf(id));
	}

	@Test
	void requestsAreSignedAndABadSecretIsRefused() throws IOException {
		S3Settings good = server.settings();
		S3Settings wrongSecret = new S3Settings(good.endpoint(), good.region(), good.bucket(), good.baseKey(), true,
				good.accessKey(), "not-the-secret");
		SegmentId id = segment("refused", 0);
		Path source = file("source", randomBytes(10, 7));

		try (S3Client badClient = S3ClientFactory.create(wrongSecret)) {
			S3DeepStorage refused = new S3DeepStorage(badClient, good.bucket(), good.baseKey());
			assertThatThrownBy(() -> refused.push(id, source))
				.isInstanceOfSatisfying(StrataException.class,
						ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.IO_FAILURE))
				.hasMessageContaining(refused.keyOf(id))
				.hasMessageNotContaining("not-the-secret");
		}
	}

	@Test
	void handlesOnlyS3LoadSpecs() {
		assertThat(storage.handles(new LoadSpec.S3("any-bucket", "k"))).isTrue();
		assertThat(storage.handles(new LoadSpec.Local("/x"))).isFalse();
	}

	private static SegmentId segment(String dataSource, int partitionNum) {
		return new SegmentId(dataSource, Interval.parse("2026-01-01/2026-01-02"), "2026-01-03T04:05:06.789Z",
				partitionNum);
	}

	private Path file(String name, byte[] bytes) throws IOException {
		return Files.write(this.temp.resolve(name), bytes);
	}

	private static byte[] randomBytes(int size, long seed) {
		byte[] bytes = new byte[size];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

	private static List<String> namesIn(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map(path -> path.getFileName().toString()).sorted().toList();
		}
	}

}
