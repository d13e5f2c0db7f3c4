package io.strata.node.config;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binds a {@code *Properties} record the way Boot does ({@link Binder}, Boot's conversions) from
 * plain key/value pairs, under the prefix its {@link ConfigurationProperties} annotation names, so
 * a test also catches a mistyped prefix.
 */
final class PropertiesBinding {

	private PropertiesBinding() {
	}

	/** The record bound from the properties; with none, the record of its defaults. */
	static <T extends Record> T bind(Class<T> type, Map<String, String> properties) {
		Binder binder = new Binder(new MapConfigurationPropertySource(properties));
		return binder.bindOrCreate(prefix(type), Bindable.of(type));
	}

	static <T extends Record> T defaults(Class<T> type) {
		return bind(type, Map.of());
	}

	/**
	 * Fails unless the properties set every component of the record (nested records component by
	 * component): a key added to the record without a binding test breaks this.
	 */
	static void assertSetsEveryKey(Class<? extends Record> type, Map<String, String> properties) {
		List<String> missing = new ArrayList<>();
		collectMissing(type, prefix(type), properties, missing);
		assertThat(missing).as("keys of %s without a value in the test", type.getSimpleName()).isEmpty();
	}

	private static void collectMissing(Class<?> type, String prefix, Map<String, String> properties,
			List<String> missing) {
		for (RecordComponent component : type.getRecordComponents()) {
			String key = prefix + "." + kebab(component.getName());
			if (component.getType().isRecord()) {
				collectMissing(component.getType(), key, properties, missing);
			}
			else if (properties.keySet()
				.stream()
				.noneMatch(name -> name.equals(key) || name.startsWith(key + ".") || name.startsWith(key + "["))) {
				missing.add(key);
			}
		}
	}

	private static String prefix(Class<?> type) {
		ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
		assertThat(annotation).as("@ConfigurationProperties on %s", type.getSimpleName()).isNotNull();
		return annotation.value();
	}

	private static String kebab(String camel) {
		StringBuilder out = new StringBuilder();
		for (char c : camel.toCharArray()) {
			if (Character.isUpperCase(c)) {
				out.append('-').append(Character.toLowerCase(c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
