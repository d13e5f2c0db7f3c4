package io.strata.engine.query;

import io.strata.engine.expr.Expr;
import io.strata.engine.type.ColumnType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Druid's {@code expression} virtual column: a column computed per row from an expression, usable
 * wherever a query names a column.
 * @param expression the text, as given
 * @param parsed the parsed expression
 * @param outputType LONG, FLOAT, DOUBLE or STRING; the expression's value is converted to it
 */
public record VirtualColumn(String name, String expression, Expr parsed, ColumnType outputType) {

	public VirtualColumn {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(expression, "expression");
		Objects.requireNonNull(parsed, "parsed");
		Objects.requireNonNull(outputType, "outputType");
		if (name.equals("__time")) {
			throw new IllegalArgumentException("a virtual column may not be named __time");
		}
		if (!outputType.isNumeric() && outputType != ColumnType.STRING) {
			throw new IllegalArgumentException("outputType must be LONG, FLOAT, DOUBLE or STRING");
		}
	}

	/**
	 * Checks the virtual columns of one query: names are unique and no column depends on itself,
	 * directly or through others.
	 * @return the list, copied
	 * @throws IllegalArgumentException naming the duplicate or the cycle
	 */
	public static List<VirtualColumn> checked(List<VirtualColumn> columns) {
		List<VirtualColumn> copy = List.copyOf(columns);
		Set<String> names = new HashSet<>();
		for (VirtualColumn column : copy) {
			if (!names.add(column.name())) {
				throw new IllegalArgumentException("virtual column name[" + column.name() + "] is used twice");
			}
		}
		for (VirtualColumn column : copy) {
			requireNoCycle(column, copy, new ArrayList<>());
		}
		return copy;
	}

	private static void requireNoCycle(VirtualColumn column, List<VirtualColumn> all, List<String> path) {
		if (path.contains(column.name())) {
			path.add(column.name());
			throw new IllegalArgumentException("virtual columns depend on each other in a cycle " + path);
		}
		path.add(column.name());
		for (String input : column.parsed().columns()) {
			for (VirtualColumn other : all) {
				if (other.name().equals(input)) {
					requireNoCycle(other, all, path);
				}
			}
		}
		path.removeLast();
	}

}
