package io.strata.engine.query.filter;

/** No row. */
public record FalseFilter() implements DimFilter {

}
