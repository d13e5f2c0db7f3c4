package io.strata.engine.input;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an Avro {@link GenericRecord} into a field map: strings, enums and {@code Utf8} become
 * {@link String}; int and long {@link Long}; float and double {@link Double}; arrays lists; maps
 * and nested records maps; bytes and fixed stay {@code byte[]}, or become UTF-8 strings with
 * {@code binaryAsString}. Stateless.
 */
public final class AvroRecordConverter {

	private final boolean binaryAsString;

	public AvroRecordConverter() {
		this(false);
	}

	public AvroRecordConverter(boolean binaryAsString) {
		this.binaryAsString = binaryAsString;
	}

	public Map<String, Object> convert(GenericRecord record) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (Schema.Field field : record.getSchema().getFields()) {
			fields.put(field.name(), convertValue(record.get(field.pos())));
		}
		return fields;
	}

	private Object convertValue(Object value) {
		return switch (value) {
			case null -> null;
			case CharSequence text -> text.toString();
			case Integer number -> number.longValue();
			case Long number -> number;
			case Float number -> number.doubleValue();
			case Double number -> number;
			case Boolean bool -> bool;
			case GenericEnumSymbol<?> symbol -> symbol.toString();
			case GenericRecord nested -> convert(nested);
			case Collection<?> collection -> {
				List<Object> values = new ArrayList<>(collection.size());
				for (Object element : collection) {
					values.add(convertValue(element));
				}
				yield values;
			}
			case Map<?, ?> map -> {
				Map<String, Object> values = new LinkedHashMap<>();
				map.forEach((key, element) -> values.put(key.toString(), convertValue(element)));
				yield values;
			}
			case ByteBuffer buffer -> {
				byte[] bytes = new byte[buffer.remaining()];
				buffer.duplicate().get(bytes);
				yield binary(bytes);
			}
			case GenericFixed fixed -> binary(fixed.bytes().clone());
			default -> value.toString();
		};
	}

	private Object binary(byte[] bytes) {
		return this.binaryAsString ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : bytes;
	}

}
