package io.strata.engine.segment.column;

/**
 * The sorted dictionary of a string column. Ids are dense from 0; when the column has nulls, id
 * 0 is null. Values are sorted by their UTF-8 bytes (unsigned), null first. Thread-safe.
 */
public interface StringDictionary {

	int size();

	boolean hasNull();

	/** @return the value of an id, null for the null id */
	String get(int id);

	/** @return the id of a value (null finds the null id), or {@code -(insertionPoint) - 1} */
	int indexOf(String value);

}
