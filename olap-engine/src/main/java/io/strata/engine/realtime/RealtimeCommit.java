package io.strata.engine.realtime;

import io.strata.engine.error.StrataException;
import io.strata.engine.time.Interval;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a persist made durable: the part files of every interval's sink and, per stream partition,
 * the next offset to read (every message before it is in those parts, or was counted as thrown
 * away or unparseable). Written as a few text lines to a temporary file, synced, then moved over
 * the previous commit, so a crash leaves either the old or the new commit, never half of one.
 * @param offsets stream partition to the next offset to read
 */
record RealtimeCommit(Map<Integer, Long> offsets, long processed, long thrownAway, long unparseable,
		List<SinkParts> sinks) {

	static final String FILE_NAME = "commit.txt";

	private static final String HEADER = "strata-realtime-commit 1";

	/** The parts of one sink, as file names relative to the appender's directory. */
	record SinkParts(Interval interval, int partitionNum, List<String> parts) {

		SinkParts {
			parts = List.copyOf(parts);
		}

	}

	RealtimeCommit {
		offsets = Map.copyOf(offsets);
		sinks = List.copyOf(sinks);
	}

	static RealtimeCommit empty() {
		return new RealtimeCommit(Map.of(), 0, 0, 0, List.of());
	}

	void write(Path directory) {
		StringBuilder text = new StringBuilder(HEADER).append('\n');
		text.append("counts ").append(this.processed).append(' ').append(this.thrownAway).append(' ')
			.append(this.unparseable).append('\n');
		new TreeMap<>(this.offsets).forEach(
				(partition, next) -> text.append("offset ").append(partition).append(' ').append(next).append('\n'));
		for (SinkParts sink : this.sinks) {
			text.append("sink ").append(sink.interval().startMillis()).append(' ').append(sink.interval().endMillis())
				.append(' ').append(sink.partitionNum());
			for (String part : sink.parts()) {
				text.append(' ').append(part);
			}
			text.append('\n');
		}
		text.append("end\n");
		Path temporary = directory.resolve(FILE_NAME + ".tmp");
		try {
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING)) {
				ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
				while (bytes.hasRemaining()) {
					channel.write(bytes);
				}
				channel.force(true);
			}
			Files.move(temporary, directory.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE,
					StandardCopyOption.REPLACE_EXISTING);
			// the rename and the new part files are entries of directories: sync those too, so a
			// power loss cannot bring back the old commit, nor a commit naming a missing part
			syncDirectory(directory.resolve("parts"));
			syncDirectory(directory);
		}
		catch (IOException ex) {
			throw StrataException.io(ex, "Writing the real-time commit in[%s] failed", directory);
		}
	}

	private static void syncDirectory(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			return;
		}
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
	}

	/** The commit in {@code directory}, or an empty one when nothing was ever committed there. */
	static RealtimeCommit read(Path directory) {
		Path file = directory.resolve(FILE_NAME);
		if (!Files.exists(file)) {
			return empty();
		}
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw StrataException.io(ex, "Reading the real-time commit[%s] failed", file);
		}
		if (lines.isEmpty() || !lines.getFirst().equals(HEADER) || !lines.getLast().equals("end")) {
			throw StrataException.corrupt("Real-time commit[%s] is not a complete commit file", file);
		}
		Map<Integer, Long> offsets = new TreeMap<>();
		List<SinkParts> sinks = new ArrayList<>();
		long[] counts = new long[3];
		try {
			for (String line : lines.subList(1, lines.size() - 1)) {
				String[] words = line.split(" ");
				switch (words[0]) {
					case "counts" -> {
						for (int i = 0; i < 3; i++) {
							counts[i] = Long.parseLong(words[i + 1]);
						}
					}
					case "offset" -> offsets.put(Integer.parseInt(words[1]), Long.parseLong(words[2]));
					case "sink" -> sinks.add(new SinkParts(Interval.of(Long.parseLong(words[1]), Long.parseLong(words[2])),
							Integer.parseInt(words[3]), List.of(words).subList(4, words.length)));
					default -> throw StrataException.corrupt("Real-time commit[%s] has an unknown line[%s]", file, line);
				}
			}
		}
		catch (NumberFormatException | IndexOutOfBoundsException ex) {
			throw StrataException.corrupt("Real-time commit[%s] has a malformed line: %s", file, ex.getMessage());
		}
		return new RealtimeCommit(offsets, counts[0], counts[1], counts[2], sinks);
	}

}
