package io.strata.engine.aggregation;

import io.strata.engine.type.ColumnType;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.HllUnion;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.quantiles.QuantilesDoublesSketch;
import org.apache.datasketches.quantiles.QuantilesDoublesUnion;
import org.apache.datasketches.quantiles.UpdatableQuantilesDoublesSketch;
import org.apache.datasketches.theta.CompactThetaSketch;
import org.apache.datasketches.theta.ThetaSetOperation;
import org.apache.datasketches.theta.ThetaSketch;
import org.apache.datasketches.theta.ThetaUnion;
import org.apache.datasketches.theta.UpdatableThetaSketch;

import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Objects;

/**
 * Creates, updates, combines and (de)serializes the sketch state of one sketch aggregator, using
 * Apache DataSketches. Stored bytes are DataSketches' own compact forms, so Druid-side tools can
 * read them. Stateless: sketches are passed in and out.
 */
public final class SketchCodec {

	private final SketchAggregatorSpec spec;

	/**
	 * @param spec a sketch aggregator, or one kept in a sketch: {@code hyperUnique} and
	 * {@code cardinality} (an HLL sketch), {@code filtered} over any of them
	 * @throws IllegalArgumentException for an aggregator that keeps no sketch
	 */
	public SketchCodec(AggregatorSpec spec) {
		this.spec = sketchSpec(Objects.requireNonNull(spec, "spec"));
	}

	private static SketchAggregatorSpec sketchSpec(AggregatorSpec spec) {
		return switch (spec) {
			case SketchAggregatorSpec sketch -> sketch;
			case HyperUniqueAggregatorSpec hyperUnique -> hyperUnique.sketchSpec();
			case CardinalityAggregatorSpec cardinality -> cardinality.sketchSpec();
			case FilteredAggregatorSpec filtered -> sketchSpec(filtered.aggregator());
			case CountAggregatorSpec _, NumericAggregatorSpec _, FirstLastAggregatorSpec _ ->
				throw new IllegalArgumentException("aggregator " + spec.name() + " is not a sketch");
		};
	}

	public ColumnType type() {
		return this.spec.storedType();
	}

	/** A new, empty, updatable sketch. */
	public Object newSketch() {
		return switch (this.spec) {
			case HllSketchAggregatorSpec hll -> new HllSketch(hll.lgK(), TgtHllType.valueOf(hll.tgtHllType()));
			case ThetaSketchAggregatorSpec theta -> UpdatableThetaSketch.builder().setNominalEntries(theta.size()).build();
			case QuantilesSketchAggregatorSpec quantiles -> QuantilesDoublesSketch.builder().setK(quantiles.k()).build();
		};
	}

	/**
	 * Checks and converts an input value before it is given to {@link #update}: numbers for
	 * quantiles, sketches for merge-type aggregators, lists element by element.
	 * @throws IllegalArgumentException saying why the value cannot be aggregated
	 */
	public Object prepareInput(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof List<?> values) {
			List<Object> prepared = new java.util.ArrayList<>(values.size());
			for (Object element : values) {
				prepared.add(prepareInput(element));
			}
			return prepared;
		}
		return switch (this.spec) {
			case HllSketchAggregatorSpec hll -> hll.merge() ? toSketch(value) : value;
			case ThetaSketchAggregatorSpec theta -> theta.isInputThetaSketch() ? toSketch(value) : value;
			case QuantilesSketchAggregatorSpec quantiles -> switch (value) {
				case Number number -> number.doubleValue();
				case String text -> parseDouble(text);
				// a stored sketch (re-ingesting segments, as compaction does) merges, as in Druid
				case byte[] bytes -> toSketch(bytes);
				case QuantilesDoublesSketch sketch -> sketch;
				default -> throw new IllegalArgumentException("is not a number");
			};
		};
	}

	/**
	 * Adds one input value (a string, number, list of them, or a serialized/deserialized sketch
	 * for merge-type aggregators) to a sketch made by {@link #newSketch()}, and returns the
	 * sketch to keep (the same one, except when a merge replaces it).
	 * @throws IllegalArgumentException when a quantiles input is not a number
	 */
	public Object update(Object sketch, Object value) {
		if (value == null) {
			return sketch;
		}
		if (value instanceof List<?> values) {
			if (this.spec instanceof HllSketchAggregatorSpec hll && !hll.merge()) {
				// Druid hashes every entry of a multi-value input as a string, numbers included
				boolean utf16 = hll.stringEncoding().equals(HllSketchAggregatorSpec.UTF16LE);
				for (Object element : values) {
					if (element != null) {
						updateHll((HllSketch) sketch, element.toString(), utf16);
					}
				}
				return sketch;
			}
			Object current = sketch;
			for (Object element : values) {
				current = update(current, element);
			}
			return current;
		}
		switch (this.spec) {
			case HllSketchAggregatorSpec hll -> {
				if (hll.merge()) {
					return combine(sketch, toSketch(value));
				}
				HllSketch target = (HllSketch) sketch;
				boolean utf16 = hll.stringEncoding().equals(HllSketchAggregatorSpec.UTF16LE);
				switch (value) {
					case String text -> updateHll(target, text, utf16);
					case Long number -> target.update(number);
					case Double number -> target.update(number);
					case byte[] bytes -> target.update(bytes);
					default -> updateHll(target, value.toString(), utf16);
				}
				return target;
			}
			case ThetaSketchAggregatorSpec theta -> {
				if (theta.isInputThetaSketch()) {
					return combine(sketch, toSketch(value));
				}
				UpdatableThetaSketch target = (UpdatableThetaSketch) sketch;
				switch (value) {
					case String text -> target.update(text);
					case Long number -> target.update(number);
					case Double number -> target.update(number);
					case byte[] bytes -> target.update(bytes);
					default -> target.update(value.toString());
				}
				return target;
			}
			case QuantilesSketchAggregatorSpec quantiles -> {
				if (value instanceof QuantilesDoublesSketch other) {
					return combine(sketch, other);
				}
				double number = switch (value) {
					case Number n -> n.doubleValue();
					case String text -> parseDouble(text);
					default -> throw new IllegalArgumentException("is not a number");
				};
				((UpdatableQuantilesDoublesSketch) sketch).update(number);
				return sketch;
			}
		}
	}

	/** The union of two sketches as a new sketch; either may be null. */
	public Object combine(Object left, Object right) {
		if (left == null) {
			return right;
		}
		if (right == null) {
			return left;
		}
		return switch (this.spec) {
			case HllSketchAggregatorSpec hll -> {
				HllUnion union = new HllUnion(hll.lgK());
				union.update((HllSketch) left);
				union.update((HllSketch) right);
				yield union.getResult(TgtHllType.valueOf(hll.tgtHllType()));
			}
			case ThetaSketchAggregatorSpec theta -> {
				ThetaUnion union = ThetaSetOperation.builder().setNominalEntries(theta.size()).buildUnion();
				union.union((ThetaSketch) left);
				union.union((ThetaSketch) right);
				yield union.getResult();
			}
			case QuantilesSketchAggregatorSpec quantiles -> {
				QuantilesDoublesUnion union = QuantilesDoublesUnion.builder().setMaxK(quantiles.k()).build();
				union.union((QuantilesDoublesSketch) left);
				union.union((QuantilesDoublesSketch) right);
				yield union.getResult();
			}
		};
	}

	/**
	 * A union to fold many sketches into, cheaper than {@link #combine} per sketch (which builds a
	 * union each time): queries fold one stored sketch per row into it.
	 */
	public Object newUnion() {
		return switch (this.spec) {
			case HllSketchAggregatorSpec hll -> new HllRegisterUnion(hll.lgK(), TgtHllType.valueOf(hll.tgtHllType()));
			case ThetaSketchAggregatorSpec theta -> ThetaSetOperation.builder().setNominalEntries(theta.size())
				.buildUnion();
			case QuantilesSketchAggregatorSpec quantiles -> QuantilesDoublesUnion.builder().setMaxK(quantiles.k())
				.build();
		};
	}

	/** Folds a sketch into a union made by {@link #newUnion()}. */
	public void unionInto(Object union, Object sketch) {
		switch (union) {
			case HllRegisterUnion hll -> hll.update((HllSketch) sketch);
			case ThetaUnion theta -> theta.union((ThetaSketch) sketch);
			case QuantilesDoublesUnion quantiles -> quantiles.union((QuantilesDoublesSketch) sketch);
			default -> throw new IllegalArgumentException("not a union: " + union.getClass().getName());
		}
	}

	/**
	 * Folds a sketch's serialized bytes into a union made by {@link #newUnion()}. The bytes are
	 * read during the call only, so they may be a view of a buffer that is reused after. HLL
	 * unions fold the bytes without deserializing them.
	 */
	public void unionBytesInto(Object union, MemorySegment bytes) {
		if (union instanceof HllRegisterUnion hll) {
			hll.add(bytes);
		}
		else {
			unionInto(union, deserialize(bytes));
		}
	}

	/** The sketch a union holds so far. */
	public Object unionResult(Object union) {
		return switch (union) {
			case HllRegisterUnion hll -> hll.result();
			case ThetaUnion theta -> theta.getResult();
			case QuantilesDoublesUnion quantiles -> quantiles.getResult();
			default -> throw new IllegalArgumentException("not a union: " + union.getClass().getName());
		};
	}

	public byte[] serialize(Object sketch) {
		return toBytes(sketch);
	}

	/** The stored (compact) form of any sketch this class makes; query results give it in Base64. */
	public static byte[] toBytes(Object sketch) {
		return switch (sketch) {
			case HllSketch hll -> hll.toCompactByteArray();
			case CompactThetaSketch theta -> theta.toByteArray();
			case ThetaSketch theta -> theta.compact().toByteArray();
			case QuantilesDoublesSketch quantiles -> quantiles.toByteArray(true);
			default -> throw new IllegalArgumentException("not a sketch: " + sketch.getClass().getName());
		};
	}

	/** Reads a sketch from its serialized form; the result is read-only. */
	public Object deserialize(byte[] bytes) {
		return deserialize(MemorySegment.ofArray(bytes));
	}

	/** Reads a sketch from its serialized form into the heap: the result does not keep {@code memory}. */
	public Object deserialize(MemorySegment memory) {
		return switch (this.type()) {
			case HLL_SKETCH -> HllSketch.heapify(memory);
			case THETA_SKETCH -> CompactThetaSketch.heapify(memory);
			case QUANTILES_DOUBLES_SKETCH -> QuantilesDoublesSketch.heapify(memory);
			case LONG, FLOAT, DOUBLE, STRING -> throw new IllegalStateException("not a sketch type");
		};
	}

	/** The number a query reports for the sketch: a distinct-count estimate, or the item count. */
	public double estimate(Object sketch) {
		return switch (sketch) {
			case HllSketch hll -> hll.getEstimate();
			case ThetaSketch theta -> theta.getEstimate();
			case QuantilesDoublesSketch quantiles -> quantiles.getN();
			default -> throw new IllegalArgumentException("not a sketch: " + sketch.getClass().getName());
		};
	}

	private Object toSketch(Object value) {
		byte[] bytes;
		if (value instanceof byte[] raw) {
			bytes = raw;
		}
		else if (value instanceof String base64) {
			try {
				bytes = java.util.Base64.getDecoder().decode(base64);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("is not a Base64 sketch");
			}
		}
		else if (isOwnSketch(value)) {
			return value;
		}
		else {
			throw new IllegalArgumentException("is not a sketch");
		}
		try {
			return deserialize(bytes);
		}
		catch (RuntimeException ex) {
			// DataSketches throws its own exceptions (and sometimes index errors) for bytes that are no sketch
			throw new IllegalArgumentException("is not a valid " + type().druidName() + " sketch");
		}
	}

	private boolean isOwnSketch(Object value) {
		return switch (this.spec.storedType()) {
			case HLL_SKETCH -> value instanceof HllSketch;
			case THETA_SKETCH -> value instanceof ThetaSketch;
			case QUANTILES_DOUBLES_SKETCH -> value instanceof QuantilesDoublesSketch;
			case LONG, FLOAT, DOUBLE, STRING -> false;
		};
	}

	/** Druid hashes strings as UTF-16LE by default (the chars), or as UTF-8 bytes when asked. */
	private static void updateHll(HllSketch sketch, String text, boolean utf16) {
		if (utf16) {
			sketch.update(text.toCharArray());
		}
		else {
			sketch.update(text);
		}
	}

	private static double parseDouble(String text) {
		try {
			return Double.parseDouble(text.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("is not a number");
		}
	}

}
