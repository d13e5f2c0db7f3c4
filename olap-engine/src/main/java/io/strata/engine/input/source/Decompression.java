package io.strata.engine.input.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** Druid decompresses input by its file extension; the engine knows {@code .gz}. Stateless. */
public final class Decompression {

	private Decompression() {
	}

	public static InputStream wrap(String name, InputStream in) throws IOException {
		if (name.toLowerCase(Locale.ROOT).endsWith(".gz")) {
			return new GZIPInputStream(in, 1 << 16);
		}
		return in;
	}

}
