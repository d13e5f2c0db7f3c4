package io.strata.node.deepstorage;

import java.util.Objects;

/**
 * Druid's {@code loadSpec} of a segment payload: where its object is in deep storage. JSON:
 * {@code {"type":"local","path":"/abs/file"}} or {@code {"type":"s3_zip","bucket":"b","key":"k"}}
 * (Druid's type name for S3 segments, kept so that operators' tools recognise it).
 */
public sealed interface LoadSpec {

	/** A segment in a local (or shared) directory. */
	record Local(String path) implements LoadSpec {

		public Local {
			Objects.requireNonNull(path, "path");
		}

	}

	/**
	 * No object yet: a live segment a streaming task announces while it builds it. JSON {@code {}},
	 * as Druid announces its real-time segments.
	 */
	record None() implements LoadSpec {

	}

	/** A segment object in an S3 bucket. */
	record S3(String bucket, String key) implements LoadSpec {

		public S3 {
			Objects.requireNonNull(bucket, "bucket");
			Objects.requireNonNull(key, "key");
		}

	}

}
