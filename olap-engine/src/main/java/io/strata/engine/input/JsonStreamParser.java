package io.strata.engine.input;

/**
 * Druid's {@code json} input format for a stream: each message is one JSON object. Not
 * thread-safe: one per consuming thread (the record parser reuses its buffers).
 */
public final class JsonStreamParser implements StreamRowParser {

	private final JsonRecordParser parser = new JsonRecordParser();

	private final InputRowFactory rowFactory;

	public JsonStreamParser(InputRowFactory rowFactory) {
		this.rowFactory = rowFactory;
	}

	@Override
	public InputRow parse(byte[] message) {
		return this.rowFactory.toRow(this.parser.parse(message, 0, message.length));
	}

}
