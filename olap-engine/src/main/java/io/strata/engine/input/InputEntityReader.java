package io.strata.engine.input;

import io.strata.engine.error.StrataException;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Reads one {@link InputEntity} in an {@link InputFormatSpec} and hands each row to a {@link
 * RowSink}: text line by line (the position is the line number), Avro container files and
 * Parquet files record by record (the position is the 1-based record number). A bad row is
 * rejected and reading goes on; a file that is not of its format at all fails with an error
 * naming it. Stateless; {@code temporaryDirectory} receives local copies of remote Parquet files.
 */
public final class InputEntityReader {

	private final InputFormatSpec format;

	private final InputRowFactory rowFactory;

	private final Path temporaryDirectory;

	public InputEntityReader(InputFormatSpec format, InputRowFactory rowFactory, Path temporaryDirectory) {
		this.format = format;
		this.rowFactory = rowFactory;
		this.temporaryDirectory = temporaryDirectory;
	}

	/** What {@link RowRejection#position()} counts in this format: {@code line} or {@code record}. */
	public String positionUnit() {
		return this.format instanceof TextInputFormatSpec ? "line" : "record";
	}

	/** @return the lines or records read */
	public long read(InputEntity entity, RowSink sink) {
		return switch (this.format) {
			case TextInputFormatSpec text -> {
				try (InputStream in = entity.open()) {
					yield new TextInputReader(text, this.rowFactory).read(in, sink);
				}
				catch (IOException ex) {
					throw StrataException.io(ex, "Closing input[%s] failed", entity.name());
				}
			}
			case AvroOcfInputFormatSpec avro -> readAvro(entity, avro, sink);
			case ParquetInputFormatSpec parquet -> readParquet(entity, parquet, sink);
		};
	}

	private long readAvro(InputEntity entity, AvroOcfInputFormatSpec spec, RowSink sink) {
		AvroInputReader reader = new AvroInputReader(this.rowFactory, spec.binaryAsString());
		long record = 0;
		try (InputStream in = entity.open();
				DataFileStream<GenericRecord> records = new DataFileStream<>(in, new GenericDatumReader<>())) {
			GenericRecord reuse = null;
			while (records.hasNext()) {
				reuse = records.next(reuse);
				record++;
				reader.read(reuse, record, sink);
			}
			return record;
		}
		catch (IOException | AvroRuntimeException ex) {
			throw StrataException.io(ex, "Input[%s] is not a readable Avro container file after record[%d]: %s",
					entity.name(), record, ex.getMessage());
		}
	}

	private long readParquet(InputEntity entity, ParquetInputFormatSpec spec, RowSink sink) {
		AvroInputReader reader = new AvroInputReader(this.rowFactory, spec.binaryAsString());
		long record = 0;
		try (InputEntity.FetchedFile file = entity.fetch(this.temporaryDirectory);
				ParquetReader<GenericRecord> records = AvroParquetReader
					.<GenericRecord>builder(new LocalInputFile(file.path()), new PlainParquetConfiguration())
					.withDataModel(GenericData.get())
					.build()) {
			GenericRecord next;
			while ((next = records.read()) != null) {
				record++;
				reader.read(next, record, sink);
			}
			return record;
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof StrataException strata) {
				throw strata;
			}
			throw StrataException.io(ex, "Input[%s] is not a readable Parquet file after record[%d]: %s",
					entity.name(), record, ex.getMessage());
		}
	}

}
