package io.strata.engine.expr;

/** The scalar types of Druid's expression language. Booleans are LONG 1 and 0. */
public enum ExprType {

	LONG, DOUBLE, STRING

}
