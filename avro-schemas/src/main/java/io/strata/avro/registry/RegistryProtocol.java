package io.strata.avro.registry;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Facts of Confluent's REST protocol shared by the client and the embedded server: the media type
 * and how subjects travel in a path.
 */
public final class RegistryProtocol {

	/** The media type of every request and answer body. */
	public static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";

	/** What the client accepts, in Confluent's client's order of preference. */
	public static final String ACCEPT = MEDIA_TYPE + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";

	/** The schema type Strata registers; Confluent treats a missing {@code schemaType} as this. */
	public static final String AVRO = "AVRO";

	private RegistryProtocol() {
	}

	/**
	 * Percent-encodes one path segment (a subject may hold any character, even '/'). A space is
	 * {@code %20}: {@code +} means a plus sign in a path.
	 */
	public static String encodePathSegment(String segment) {
		return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** Undoes {@link #encodePathSegment}; a literal '+' stays a plus sign. */
	public static String decodePathSegment(String rawSegment) {
		return URLDecoder.decode(rawSegment.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

}
