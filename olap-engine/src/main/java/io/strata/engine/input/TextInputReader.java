package io.strata.engine.input;

import io.strata.engine.error.StrataException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Reads NDJSON or CSV text from a stream, line by line, and hands each row to a {@link RowSink}:
 * accepted with its timestamp, or rejected with its line number and reason. A bad line never
 * stops the reading. Not thread-safe: one reader per stream.
 */
public final class TextInputReader {

	private static final int CHUNK = 1 << 20;

	private final TextInputFormatSpec format;

	private final InputRowFactory rowFactory;

	public TextInputReader(TextInputFormatSpec format, InputRowFactory rowFactory) {
		this.format = format;
		this.rowFactory = rowFactory;
	}

	/** @return the number of lines read */
	public long read(InputStream in, RowSink sink) {
		LineHandler handler = switch (this.format) {
			case JsonInputFormatSpec json -> new JsonLines(sink);
			case CsvInputFormatSpec csv -> new CsvLines(new CsvRecordParser(csv), sink);
		};
		byte[] buffer = new byte[CHUNK];
		int filled = 0;
		long lineNumber = 0;
		try {
			while (true) {
				int read = in.read(buffer, filled, buffer.length - filled);
				if (read < 0) {
					break;
				}
				filled += read;
				int lineStart = 0;
				int newline;
				while ((newline = indexOfNewline(buffer, lineStart, filled)) >= 0) {
					lineNumber++;
					handler.line(buffer, lineStart, trimCarriageReturn(buffer, lineStart, newline), lineNumber);
					lineStart = newline + 1;
				}
				System.arraycopy(buffer, lineStart, buffer, 0, filled - lineStart);
				filled -= lineStart;
				if (filled == buffer.length) {
					buffer = Arrays.copyOf(buffer, buffer.length * 2);
				}
			}
			if (filled > 0) {
				lineNumber++;
				handler.line(buffer, 0, trimCarriageReturn(buffer, 0, filled), lineNumber);
			}
			handler.finish(lineNumber);
			return lineNumber;
		}
		catch (IOException ex) {
			throw StrataException.io(ex, "Reading input failed after line[%d]", lineNumber);
		}
	}

	private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles
		.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

	private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

	private static final long LOW_BITS = 0x0101010101010101L;

	private static final long HIGH_BITS = 0x8080808080808080L;

	/** Finds the next '\n' eight bytes at a time (SWAR zero-byte test); -1 when there is none. */
	static int indexOfNewline(byte[] buffer, int from, int to) {
		int i = from;
		for (; i + 8 <= to; i += 8) {
			long word = (long) LONGS.get(buffer, i) ^ NEWLINES;
			long found = (word - LOW_BITS) & ~word & HIGH_BITS;
			if (found != 0) {
				return i + (Long.numberOfTrailingZeros(found) >>> 3);
			}
		}
		for (; i < to; i++) {
			if (buffer[i] == '\n') {
				return i;
			}
		}
		return -1;
	}

	private static int trimCarriageReturn(byte[] buffer, int start, int end) {
		return end > start && buffer[end - 1] == '\r' ? end - 1 : end;
	}

	private interface LineHandler {

		void line(byte[] buffer, int start, int end, long lineNumber);

		void finish(long lastLine);

	}

	private final class JsonLines implements LineHandler {

		private final JsonRecordParser parser = new JsonRecordParser();

		private final RowSink sink;

		JsonLines(RowSink sink) {
			this.sink = sink;
		}

		@Override
		public void line(byte[] buffer, int start, int end, long lineNumber) {
			if (isBlank(buffer, start, end)) {
				return;
			}
			try {
				Map<String, Object> fields = this.parser.parse(buffer, start, end - start);
				this.sink.accept(TextInputReader.this.rowFactory.toRow(fields), lineNumber);
			}
			catch (IllegalArgumentException ex) {
				this.sink.reject(new RowRejection(lineNumber, ex.getMessage(), excerpt(buffer, start, end)));
			}
		}

		@Override
		public void finish(long lastLine) {
		}

	}

	private final class CsvLines implements LineHandler {

		private final CsvRecordParser parser;

		private final RowSink sink;

		private long recordStartLine;

		CsvLines(CsvRecordParser parser, RowSink sink) {
			this.parser = parser;
			this.sink = sink;
		}

		@Override
		public void line(byte[] buffer, int start, int end, long lineNumber) {
			if (!this.parser.hasPendingLine()) {
				this.recordStartLine = lineNumber;
				if (isBlank(buffer, start, end)) {
					return;
				}
			}
			String text = new String(buffer, start, end - start, StandardCharsets.UTF_8);
			try {
				if (this.parser.feed(text) == CsvRecordParser.LineResult.RECORD) {
					this.sink.accept(TextInputReader.this.rowFactory.toRow(this.parser.record()), this.recordStartLine);
				}
			}
			catch (IllegalArgumentException ex) {
				this.sink.reject(new RowRejection(this.recordStartLine, ex.getMessage(), text));
			}
		}

		@Override
		public void finish(long lastLine) {
			if (this.parser.hasPendingLine()) {
				this.sink.reject(new RowRejection(this.recordStartLine, "malformed CSV: unterminated quoted value", ""));
			}
		}

	}

	/**
	 * The start of a rejected line for the operator: at most 4 bytes per kept character are
	 * decoded, cut back to a character boundary so no character is split.
	 */
	private static String excerpt(byte[] buffer, int start, int end) {
		int stop = Math.min(end, start + 4 * RowRejection.MAX_INPUT_CHARS);
		while (stop < end && stop > start && (buffer[stop] & 0xC0) == 0x80) {
			stop--;
		}
		return new String(buffer, start, stop - start, StandardCharsets.UTF_8);
	}

	private static boolean isBlank(byte[] buffer, int start, int end) {
		for (int i = start; i < end; i++) {
			if (buffer[i] != ' ' && buffer[i] != '\t') {
				return false;
			}
		}
		return true;
	}

}
