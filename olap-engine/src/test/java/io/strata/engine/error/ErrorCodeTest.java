package io.strata.engine.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ErrorCodeTest {

	@Test
	void codesAreUnique() {
		Map<Integer, ErrorCode> seen = new HashMap<>();
		for (ErrorCode code : ErrorCode.values()) {
			ErrorCode previous = seen.put(code.code(), code);
			assertThat(previous).as("code %d of %s is also used by %s", code.code(), code, previous).isNull();
		}
	}

	@Test
	void codesLieInTheirCategoryRange() {
		for (ErrorCode code : ErrorCode.values()) {
			ErrorCategory category = code.category();
			assertThat(code.code()).as("%s in %s", code, category)
				.isBetween(category.firstCode(), category.lastCode());
			assertThat(code.httpStatus()).isEqualTo(category.httpStatus());
			assertThat(code.druidErrorName()).isNotBlank();
		}
	}

	@Test
	void categoryRangesDoNotOverlap() {
		ErrorCategory[] categories = ErrorCategory.values();
		for (int i = 0; i < categories.length; i++) {
			assertThat(categories[i].lastCode()).isGreaterThan(categories[i].firstCode());
			for (int j = i + 1; j < categories.length; j++) {
				boolean disjoint = categories[i].lastCode() < categories[j].firstCode()
						|| categories[j].lastCode() < categories[i].firstCode();
				assertThat(disjoint).as("%s and %s overlap", categories[i], categories[j]).isTrue();
			}
		}
	}

	@Test
	void factoriesSetTheirCodeAndKeepTheMessage() {
		assertThat(StrataException.invalidSpec("Field[%s] bad", "x").errorCode()).isEqualTo(ErrorCode.INVALID_SPEC);
		assertThat(StrataException.invalidInput("a").errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
		assertThat(StrataException.unsupported("a").errorCode()).isEqualTo(ErrorCode.UNSUPPORTED);
		assertThat(StrataException.corrupt("a").errorCode()).isEqualTo(ErrorCode.SEGMENT_CORRUPT);
		assertThat(StrataException.defensive("a").errorCode()).isEqualTo(ErrorCode.ILLEGAL_STATE);
		StrataException io = StrataException.io(new java.io.IOException("disk"), "Reading[%s] failed", "f");
		assertThat(io.errorCode()).isEqualTo(ErrorCode.IO_FAILURE);
		assertThat(io).hasMessage("Reading[f] failed").hasCauseInstanceOf(java.io.IOException.class);
	}

}
