package io.strata.gateway.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.strata.avro.schema.UsageEvent;
import org.apache.avro.specific.SpecificData;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

/**
 * Writes usage events to a local Parquet file with the {@code UsageEvent} Avro schema as its
 * schema, so any Parquet reader (Druid's parquet input format, Spark, DuckDB) reads the archive
 * with the same field names. Plain files, no Hadoop file system.
 */
final class ParquetEventWriter {

	private final CompressionCodecName codec;

	ParquetEventWriter(CompressionCodecName codec) {
		this.codec = codec;
	}

	void write(Path file, List<UsageEvent> events) throws IOException {
		try (ParquetWriter<UsageEvent> writer = AvroParquetWriter.<UsageEvent>builder(new LocalOutputFile(file))
			.withConf(new PlainParquetConfiguration())
			.withSchema(UsageEvent.getClassSchema())
			.withDataModel(SpecificData.getForClass(UsageEvent.class))
			.withCompressionCodec(this.codec)
			.withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
			.build()) {
			for (UsageEvent event : events) {
				writer.write(event);
			}
		}
	}

}
