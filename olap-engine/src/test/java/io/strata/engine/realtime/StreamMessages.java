package io.strata.engine.realtime;

import io.strata.engine.input.InputRow;
import io.strata.engine.input.StreamRowParser;
import io.strata.engine.testing.UsageRow;
import io.strata.engine.testing.UsageRows;
import io.strata.sample.UsageDataConfig;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A stream of usage rows as the real-time tests consume it: each message on a random stream
 * partition with that partition's next offset, in one consumption order (which keeps each
 * partition's order), and a clock that advances with the message index, so that replaying a
 * message after a restore sees the same time.
 */
final class StreamMessages {

	static final long START = Instant.parse("2026-10-01T00:00:00Z").toEpochMilli();

	/** Messages whose row is null are unreadable bytes. */
	static final StreamRowParser UNREADABLE = message -> {
		throw new IllegalArgumentException("unreadable message of " + message.length + " bytes");
	};

	record Message(int partition, long offset, InputRow row, long nowMillis) {

		void sendTo(StreamAppender appender) {
			if (this.row == null) {
				appender.add(this.partition, this.offset, new byte[] { 1, 2, 3 }, UNREADABLE, this.nowMillis);
			}
			else {
				appender.add(this.partition, this.offset, this.row, this.nowMillis);
			}
		}

	}

	private StreamMessages() {
	}

	/**
	 * @param unreadableOneIn one message in this many is unreadable (0 for none)
	 * @param clockStart the clock of the first message; it ends 24 hours later
	 */
	static List<Message> generate(Random random, int events, int partitions, int unreadableOneIn, long clockStart) {
		List<UsageRow> rows = new ArrayList<>(UsageRows.generate(new UsageDataConfig(random.nextLong(),
				Instant.ofEpochMilli(START), 2, events, 5 + random.nextInt(20), 1 + random.nextInt(5), random.nextInt(4),
				1.2)));
		Collections.shuffle(rows, random);
		long[] next = new long[partitions];
		List<Message> messages = new ArrayList<>();
		long step = 86_400_000L / Math.max(1, rows.size());
		for (int i = 0; i < rows.size(); i++) {
			int partition = random.nextInt(partitions);
			InputRow row = unreadableOneIn > 0 && random.nextInt(unreadableOneIn) == 0 ? null
					: rows.get(i).toInputRow();
			messages.add(new Message(partition, next[partition]++, row, clockStart + i * step));
		}
		return messages;
	}

	/** The rows of {@code messages} that are readable. */
	static List<InputRow> rows(List<Message> messages) {
		return messages.stream().map(Message::row).filter(row -> row != null).toList();
	}

	/** The messages a consumer resuming from {@code offsets} reads, in the stream's order. */
	static List<Message> from(List<Message> messages, Map<Integer, Long> offsets) {
		return messages.stream().filter(message -> message.offset() >= offsets.getOrDefault(message.partition(), 0L))
			.toList();
	}

}
