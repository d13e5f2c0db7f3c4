package io.strata.node.deepstorage;

import java.nio.charset.StandardCharsets;

import io.strata.engine.segment.SegmentId;
import io.strata.engine.time.IsoTime;

/**
 * The relative location of a segment's object, shared by every adapter so that a local
 * directory and an S3 prefix look alike:
 * {@code <dataSource>/<start>_<end>/<version>/<partitionNum>/segment.strata}.
 * <p>
 * Times are written in ISO basic form ({@code 2026-01-01T00:00:00.000Z} becomes
 * {@code 20260101T000000.000Z}), as Druid's HDFS and S3 pushers do, because ':' is not allowed
 * in Windows file names and needs escaping in URLs. A version that is such a time gets the same
 * treatment. Other text (the dataSource, a free-form version) keeps {@code [A-Za-z0-9._-]} and
 * percent-encodes every other UTF-8 byte, plus a leading '.', so that no component can be
 * {@code .} or {@code ..}, contain a separator, or look like the dot-prefixed temporary files
 * the adapters write beside their objects. Distinct ids give distinct paths, with one accepted
 * exception: a version already spelt in basic form ({@code 20260101T000000.000Z}) shares its
 * directory with the same instant spelt in extended form.
 */
public final class SegmentObjectPath {

	/** The object's file name: the engine's segment file as is (not a zip, unlike Druid). */
	public static final String FILE_NAME = "segment.strata";

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private SegmentObjectPath() {
	}

	/** The path relative to the storage's root or base key, with '/' separators. */
	public static String of(SegmentId id) {
		return escape(id.dataSource()) + '/' + basicTime(IsoTime.format(id.interval().startMillis())) + '_'
				+ basicTime(IsoTime.format(id.interval().endMillis())) + '/' + version(id.version()) + '/'
				+ id.partitionNum() + '/' + FILE_NAME;
	}

	private static String version(String version) {
		return isCanonicalTime(version) ? basicTime(version) : escape(version);
	}

	/** True when {@code text} is exactly how Strata prints an instant, so it can be compacted safely. */
	private static boolean isCanonicalTime(String text) {
		try {
			return IsoTime.format(IsoTime.parse(text)).equals(text);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** Drops the '-' and ':' separators of an ISO time, keeping a leading year sign. */
	private static String basicTime(String isoTime) {
		StringBuilder out = new StringBuilder(isoTime.length());
		for (int i = 0; i < isoTime.length(); i++) {
			char c = isoTime.charAt(i);
			if (c == ':' || (c == '-' && i > 0)) {
				continue;
			}
			out.append(c);
		}
		return out.toString();
	}

	static String escape(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		StringBuilder out = new StringBuilder(bytes.length);
		for (int i = 0; i < bytes.length; i++) {
			int b = bytes[i] & 0xFF;
			boolean plain = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '_'
					|| b == '-' || (b == '.' && i > 0);
			if (plain) {
				out.append((char) b);
			}
			else {
				out.append('%').append(HEX[b >>> 4]).append(HEX[b & 0xF]);
			}
		}
		return out.toString();
	}

}
