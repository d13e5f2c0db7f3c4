package io.strata.avro.wire;

/**
 * Confluent's default subject naming: the schemas of a topic's values live under subject {@code
 * <topic>-value}, those of its keys under {@code <topic>-key}, so each topic evolves on its own.
 */
public final class TopicNameStrategy {

	private TopicNameStrategy() {
	}

	public static String subject(String topic, boolean isKey) {
		return topic + (isKey ? "-key" : "-value");
	}

}
