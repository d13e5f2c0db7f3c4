package io.strata.engine.expr;

import io.strata.engine.time.IsoPeriod;
import io.strata.engine.time.PeriodGranularity;

import java.time.ZoneId;

/**
 * {@code timestamp_floor(expr, period[, origin[, timezone]])}: the start of the period bucket holding
 * the timestamp (epoch millis), as a LONG; null when the input is not a number. With literal
 * arguments the granularity is built once; otherwise per row.
 */
final class TimestampFloorNode extends EvalNode {

	private final EvalNode input;

	private final EvalNode period;

	private final EvalNode origin;

	private final EvalNode zone;

	private final PeriodGranularity fixed;

	private final ExprValue out = new ExprValue();

	/** {@code origin} and {@code zone} may be null when not given. */
	TimestampFloorNode(Expr source, EvalNode input, EvalNode period, EvalNode origin, EvalNode zone,
			boolean literalArguments) {
		super(source);
		this.input = input;
		this.period = period;
		this.origin = origin;
		this.zone = zone;
		this.fixed = literalArguments ? granularity() : null;
	}

	private PeriodGranularity granularity() {
		try {
			String periodText = this.period.eval().asString();
			if (periodText == null) {
				throw new IllegalArgumentException("period must not be null");
			}
			IsoPeriod isoPeriod = TimeArguments.period(periodText);
			ExprValue originValue = this.origin == null ? null : this.origin.eval();
			Long originMillis = originValue == null || originValue.isNull()
					|| (originValue.type() == ExprType.STRING && originValue.asString().isEmpty()) ? null
							: TimeArguments.origin(originValue);
			String zoneText = this.zone == null ? null : this.zone.eval().asString();
			ZoneId zoneId = zoneText == null ? null : TimeArguments.zone(zoneText);
			return TimeArguments.granularity(isoPeriod, originMillis, zoneId);
		}
		catch (IllegalArgumentException ex) {
			throw failure(ex.getMessage());
		}
	}

	@Override
	ExprValue eval() {
		ExprValue value = this.input.eval();
		if (value.isNumericNull()) {
			this.out.setNull(ExprType.LONG);
			return this.out;
		}
		PeriodGranularity granularity = this.fixed != null ? this.fixed : granularity();
		this.out.setLong(granularity.bucketStart(value.asLong()));
		return this.out;
	}

}
