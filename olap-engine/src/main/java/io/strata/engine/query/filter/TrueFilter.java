package io.strata.engine.query.filter;

/** Every row. */
public record TrueFilter() implements DimFilter {

}
