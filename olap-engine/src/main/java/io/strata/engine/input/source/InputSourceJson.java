package io.strata.engine.input.source;

import io.strata.engine.input.InputSource;
import io.strata.engine.json.SpecNode;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads Druid's {@code ioConfig.inputSource} JSON. The engine reads {@code local}, {@code inline}
 * and {@code http}; a caller adds other types (the node layer's {@code s3}) as readers keyed by
 * type name. Every error names the field at fault. Immutable.
 */
public final class InputSourceJson {

	private final Map<String, Function<SpecNode, InputSource>> extraTypes;

	public InputSourceJson() {
		this(Map.of());
	}

	/** @param extraTypes readers of further {@code type}s; they may not replace the engine's own */
	public InputSourceJson(Map<String, Function<SpecNode, InputSource>> extraTypes) {
		for (String type : extraTypes.keySet()) {
			if (List.of("local", "inline", "http").contains(type)) {
				throw new IllegalArgumentException("input source type[" + type + "] is the engine's own");
			}
		}
		this.extraTypes = new TreeMap<>(extraTypes);
	}

	public InputSource read(SpecNode node) {
		String type = node.requiredString("type");
		return switch (type) {
			case "local" -> {
				String baseDir = node.optionalString("baseDir", null);
				String filter = node.optionalString("filter", null);
				if (baseDir != null && filter == null) {
					throw node.error("filter", "is required with baseDir");
				}
				List<Path> files = node.optionalStringList("files").stream().map(Path::of).toList();
				if (baseDir == null && files.isEmpty()) {
					throw node.error("either baseDir with filter or files is required");
				}
				yield node.build(() -> new LocalInputSource(baseDir == null ? null : Path.of(baseDir), filter, files));
			}
			case "inline" -> {
				String data = node.requiredString("data");
				yield node.build(() -> new InlineInputSource(data));
			}
			case "http" -> {
				List<URI> uris = node.optionalList("uris", element -> {
					if (!element.isString()) {
						throw element.error("must be a URI string");
					}
					try {
						return URI.create(element.stringValue());
					}
					catch (IllegalArgumentException ex) {
						throw element.error("is not a URI");
					}
				});
				if (uris.isEmpty()) {
					throw node.error("uris", "is required");
				}
				String username = node.optionalString("httpAuthenticationUsername", null);
				String password = readPassword(node);
				yield node.build(() -> new HttpInputSource(uris, username, password));
			}
			default -> {
				Function<SpecNode, InputSource> reader = this.extraTypes.get(type);
				if (reader == null) {
					throw node.error("type", "is an unknown input source [" + type + "]; expected one of "
							+ knownTypes());
				}
				yield reader.apply(node);
			}
		};
	}

	private List<String> knownTypes() {
		List<String> types = new ArrayList<>(List.of("local", "inline", "http"));
		types.addAll(this.extraTypes.keySet());
		return types;
	}

	/** Druid's password is a plain string or a {@code {"type":"default","password":"..."}} provider. */
	private static String readPassword(SpecNode node) {
		SpecNode value = node.optionalValue("httpAuthenticationPassword");
		if (value == null) {
			return null;
		}
		if (value.isString()) {
			return value.stringValue();
		}
		value.requireObject();
		String type = value.optionalString("type", "default");
		if (!type.equals("default")) {
			throw value.error("type", "is an unsupported password provider [" + type + "]; expected default");
		}
		return value.requiredString("password");
	}

}
