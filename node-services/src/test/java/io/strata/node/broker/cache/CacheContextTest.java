package io.strata.node.broker.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;

class CacheContextTest {

	@Test
	void bothDefaultToTrue() {
		assertThat(CacheContext.read(Map.of())).isEqualTo(new CacheContext(true, true));
	}

	@Test
	void acceptsBooleansAndTheirStrings() {
		assertThat(CacheContext.read(Map.of("useCache", false, "populateCache", true)))
			.isEqualTo(new CacheContext(false, true));
		assertThat(CacheContext.read(Map.of("useCache", "TRUE", "populateCache", " false ")))
			.isEqualTo(new CacheContext(true, false));
	}

	@Test
	void rejectsAnythingElse() {
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("populateCache", 1);
		assertThatThrownBy(() -> CacheContext.read(context)).isInstanceOfSatisfying(StrataException.class, ex -> {
			assertThat(ex.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
			assertThat(ex).hasMessage("Query context[populateCache] must be a boolean, got[1]");
		});
		assertThatThrownBy(() -> CacheContext.read(Map.of("useCache", "yes"))).isInstanceOf(StrataException.class);
	}

}
