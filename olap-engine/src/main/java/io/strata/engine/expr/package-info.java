/**
 * Druid's native expression language, on the query path: parsed to an immutable AST by {@link
 * io.strata.engine.expr.ExprParser}, compiled per thread by {@link io.strata.engine.expr.ExprEvaluator}
 * and evaluated row by row for virtual columns, expression filters and post-aggregators. Depends on
 * {@code time} and {@code error} only: it knows nothing of segments or queries.
 */
package io.strata.engine.expr;
