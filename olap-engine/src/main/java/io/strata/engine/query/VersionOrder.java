package io.strata.engine.query;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Maven's version order ({@code ComparableVersion}), which Druid's {@code version} string ordering
 * delegates to. A version is split, without case, into numbers and qualifiers: {@code .} separates
 * items, {@code -} and every switch between digits and other characters open a nested list. Known
 * qualifiers rank {@code alpha < beta < milestone < rc < snapshot < (release) < sp}, any other after
 * them by its text; trailing zeros, release qualifiers and empty lists do not count, so {@code 1},
 * {@code 1.0} and {@code 1-ga} are equal. Stateless.
 */
final class VersionOrder {

	/** Known qualifiers in order; the empty one is the release itself. */
	private static final List<String> QUALIFIERS = List.of("alpha", "beta", "milestone", "rc", "snapshot", "", "sp");

	private static final String RELEASE = rank("");

	private VersionOrder() {
	}

	/** Compares two non-null versions. */
	static int compare(String left, String right) {
		return compareItems(parse(left), parse(right));
	}

	/** One parsed part of a version. */
	private sealed interface Item permits Whole, Qualifier, Sublist {

		/** Whether the item counts for nothing at the end of a list. */
		boolean isNull();

	}

	private record Whole(BigInteger value) implements Item {

		@Override
		public boolean isNull() {
			return this.value.signum() == 0;
		}

	}

	/** A qualifier by its rank text: the index of a known one, else after all of them by its own text. */
	private record Qualifier(String rank) implements Item {

		@Override
		public boolean isNull() {
			return this.rank.equals(RELEASE);
		}

	}

	private record Sublist(List<Item> items) implements Item {

		@Override
		public boolean isNull() {
			return this.items.isEmpty();
		}

		/** Drops the trailing items that count for nothing, looking past nested lists. */
		void normalize() {
			for (int i = this.items.size() - 1; i >= 0; i--) {
				Item last = this.items.get(i);
				if (last.isNull()) {
					this.items.remove(i);
				}
				else if (!(last instanceof Sublist)) {
					break;
				}
			}
		}

	}

	private static Sublist parse(String text) {
		String version = text.toLowerCase(Locale.ENGLISH);
		Sublist root = new Sublist(new ArrayList<>());
		Sublist list = root;
		Deque<Sublist> opened = new ArrayDeque<>();
		opened.push(root);
		boolean digits = false;
		int start = 0;
		for (int i = 0; i < version.length(); i++) {
			char c = version.charAt(i);
			if (c == '.' || c == '-') {
				list.items().add(i == start ? new Whole(BigInteger.ZERO) : item(version.substring(start, i), digits, false));
				start = i + 1;
				if (c == '-') {
					list = open(list, opened);
				}
			}
			else if (Character.isDigit(c)) {
				if (!digits && i > start) {
					// a qualifier directly followed by a number: "rc1"
					list.items().add(item(version.substring(start, i), false, true));
					start = i;
					list = open(list, opened);
				}
				digits = true;
			}
			else {
				if (digits && i > start) {
					list.items().add(item(version.substring(start, i), true, false));
					start = i;
					list = open(list, opened);
				}
				digits = false;
			}
		}
		if (version.length() > start) {
			list.items().add(item(version.substring(start), digits, false));
		}
		while (!opened.isEmpty()) {
			opened.pop().normalize();
		}
		return root;
	}

	private static Sublist open(Sublist parent, Deque<Sublist> opened) {
		Sublist child = new Sublist(new ArrayList<>());
		parent.items().add(child);
		opened.push(child);
		return child;
	}

	private static Item item(String text, boolean digits, boolean followedByDigit) {
		if (digits) {
			return new Whole(new BigInteger(text));
		}
		String name = text;
		if (followedByDigit && name.length() == 1) {
			// "a1", "b2", "m3" are alpha, beta and milestone releases
			name = switch (name.charAt(0)) {
				case 'a' -> "alpha";
				case 'b' -> "beta";
				case 'm' -> "milestone";
				default -> name;
			};
		}
		name = switch (name) {
			case "ga", "final", "release" -> "";
			case "cr" -> "rc";
			default -> name;
		};
		return new Qualifier(rank(name));
	}

	private static String rank(String qualifier) {
		int index = QUALIFIERS.indexOf(qualifier);
		return index >= 0 ? Integer.toString(index) : QUALIFIERS.size() + "-" + qualifier;
	}

	/** Compares an item with another, or with nothing ({@code right} null: a list that ended). */
	private static int compareItems(Item left, Item right) {
		return switch (left) {
			case Whole whole -> switch (right) {
				case null -> whole.isNull() ? 0 : 1;
				case Whole other -> whole.value().compareTo(other.value());
				case Qualifier qualifier -> 1;
				case Sublist list -> 1;
			};
			case Qualifier qualifier -> switch (right) {
				case null -> qualifier.rank().compareTo(RELEASE);
				case Whole whole -> -1;
				case Qualifier other -> qualifier.rank().compareTo(other.rank());
				case Sublist list -> -1;
			};
			case Sublist list -> switch (right) {
				case null -> list.items().isEmpty() ? 0 : compareItems(list.items().getFirst(), null);
				case Whole whole -> -1;
				case Qualifier qualifier -> 1;
				case Sublist other -> compareLists(list.items(), other.items());
			};
		};
	}

	private static int compareLists(List<Item> left, List<Item> right) {
		for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
			Item l = i < left.size() ? left.get(i) : null;
			Item r = i < right.size() ? right.get(i) : null;
			int result = l == null ? (r == null ? 0 : -compareItems(r, null)) : compareItems(l, r);
			if (result != 0) {
				return result;
			}
		}
		return 0;
	}

}
