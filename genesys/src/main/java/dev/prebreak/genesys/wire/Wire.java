package dev.prebreak.genesys.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.List;

/**
 * The JSON dialect of the Platform API as this client reads and writes it: unknown fields are
 * ignored (Genesys adds fields all the time), but a field of the wrong type is an error rather than
 * silently coerced, so that a garbled answer is never mistaken for a good one.
 */
public final class Wire {
    private static final ObjectMapper MAPPER = build();

    private Wire() {
    }

    private static ObjectMapper build() {
        JsonMapper mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .build();
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return mapper;
    }

    /** Parses {@code body} as {@code type}; {@link WireException} says what is wrong and where. */
    public static <T> T read(byte[] body, Class<T> type) {
        return read(body, MAPPER.constructType(type));
    }

    public static <T> List<T> readList(byte[] body, Class<T> element) {
        return read(body, MAPPER.getTypeFactory().constructCollectionType(List.class, element));
    }

    private static <T> T read(byte[] body, JavaType type) {
        if (body == null || body.length == 0) {
            throw new WireException("the answer is empty");
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw new WireException("the answer is JSON null");
            }
            return value;
        } catch (InvalidFormatException e) {
            throw new WireException("field " + path(e) + " has the wrong type or value (" + e.getOriginalMessage() + ")", e);
        } catch (MismatchedInputException e) {
            throw new WireException("field " + path(e) + " has the wrong type (" + e.getOriginalMessage() + ")", e);
        } catch (JsonProcessingException e) {
            throw new WireException("the answer is not valid JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new WireException("the answer could not be read (" + e.getMessage() + ")", e);
        }
    }

    private static String path(MismatchedInputException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce("", String::concat);
        return path.isEmpty() ? "(root)" : "'" + (path.startsWith(".") ? path.substring(1) : path) + "'";
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }
}
