package io.strata.engine.input.source;

import io.strata.engine.input.InputEntity;
import io.strata.engine.input.InputSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** {@code {"type":"inline","data":"..."}}: the input text inside the spec, for tests and samples. */
public record InlineInputSource(String data) implements InputSource {

	/** The name inline data goes by in reports. */
	public static final String ENTITY_NAME = "inline";

	public InlineInputSource {
		Objects.requireNonNull(data, "data");
	}

	@Override
	public String typeName() {
		return "inline";
	}

	@Override
	public List<InputEntity> entities() {
		byte[] bytes = this.data.getBytes(StandardCharsets.UTF_8);
		return List.of(new InputEntity() {
			@Override
			public String name() {
				return ENTITY_NAME;
			}

			@Override
			public InputStream open() {
				return new ByteArrayInputStream(bytes);
			}
		});
	}

}
