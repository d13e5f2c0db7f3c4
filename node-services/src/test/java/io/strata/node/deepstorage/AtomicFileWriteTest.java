package io.strata.node.deepstorage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFileWriteTest {

	@TempDir
	Path temp;

	@Test
	void failedWriteKeepsTheOldTargetAndRemovesItsTemporaryFile() throws IOException {
		Path target = Files.write(this.temp.resolve("segment.strata"), new byte[] { 9, 9 });
		Path[] seenTemporary = new Path[1];

		assertThatThrownBy(() -> AtomicFileWrite.write(target, channel -> {
			channel.write(ByteBuffer.wrap(new byte[] { 1, 2, 3 }));
			try (Stream<Path> files = Files.list(this.temp)) {
				seenTemporary[0] = files.filter(path -> !path.equals(target)).findFirst().orElseThrow();
			}
			throw new IOException("disk gone");
		})).isInstanceOf(IOException.class).hasMessage("disk gone");

		assertThat(Files.readAllBytes(target)).containsExactly(9, 9);
		assertThat(seenTemporary[0].getFileName().toString()).startsWith(".segment.strata.").endsWith(".tmp");
		assertThat(namesIn(this.temp)).containsExactly("segment.strata");
	}

	@Test
	void failedFirstWriteLeavesNothingUnderTheFinalName() {
		Path target = this.temp.resolve("segment.strata");

		assertThatThrownBy(() -> AtomicFileWrite.write(target, channel -> {
			channel.write(ByteBuffer.wrap(new byte[] { 1, 2, 3 }));
			throw new IllegalStateException("stream broke");
		})).isInstanceOf(IllegalStateException.class);

		assertThat(this.temp).isEmptyDirectory();
	}

	@Test
	void copyOfCopiesTheWholeFile() throws IOException {
		byte[] bytes = new byte[3 * 1024 * 1024 + 17];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) (i * 31);
		}
		Path source = Files.write(this.temp.resolve("source"), bytes);
		Path target = this.temp.resolve("target");

		AtomicFileWrite.write(target, AtomicFileWrite.copyOf(source));

		assertThat(Files.readAllBytes(target)).isEqualTo(bytes);
	}

	private static List<String> namesIn(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map(path -> path.getFileName().toString()).sorted().toList();
		}
	}

}
