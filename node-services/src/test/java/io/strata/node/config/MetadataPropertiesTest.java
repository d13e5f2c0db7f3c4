package io.strata.node.config;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;

import static io.strata.node.config.PropertiesBinding.assertSetsEveryKey;
import static io.strata.node.config.PropertiesBinding.bind;
import static io.strata.node.config.PropertiesBinding.defaults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetadataPropertiesTest {

	@Test
	void defaultsWithoutAnyKey() {
		assertThat(defaults(MetadataProperties.class)).isEqualTo(new MetadataProperties("druid"));
	}

	@Test
	void everyKeyBinds() {
		Map<String, String> properties = Map.of("strata.metadata.table-prefix", "strata_prod");

		assertSetsEveryKey(MetadataProperties.class, properties);
		assertThat(bind(MetadataProperties.class, properties)).isEqualTo(new MetadataProperties("strata_prod"));
	}

	@Test
	void aPrefixThatIsNoPlainSqlNameIsRefusedWithTheKey() {
		for (String prefix : new String[] { "druid; DROP TABLE x", "1druid", "dru-id", "" }) {
			assertThatThrownBy(() -> bind(MetadataProperties.class, Map.of("strata.metadata.table-prefix", prefix)))
				.as(prefix)
				.isInstanceOf(BindException.class)
				.rootCause()
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("strata.metadata.table-prefix");
		}
	}

}
