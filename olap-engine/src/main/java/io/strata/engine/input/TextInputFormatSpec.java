package io.strata.engine.input;

/** The line-oriented input formats, read by {@link TextInputReader}. */
public sealed interface TextInputFormatSpec extends InputFormatSpec permits JsonInputFormatSpec, CsvInputFormatSpec {

}
