package org.eekms.rest;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.util.Base64;
import org.eekms.problem.InvalidRequestException;

/**
 * Binary fields exactly as Go's encoding/json writes and reads {@code []byte}: a JSON string in standard base64 with
 * padding, or {@code null}. Anything else (a number, an array, unpadded or URL-safe base64) is a 400, as it is for
 * TrustBloc's server, rather than being decoded leniently.
 */
public final class StandardBase64 implements JsonbSerializer<byte[]>, JsonbDeserializer<byte[]> {

    @Override
    public void serialize(byte[] bytes, JsonGenerator generator, SerializationContext context) {
        generator.write(Base64.getEncoder().encodeToString(bytes));
    }

    @Override
    public byte[] deserialize(JsonParser parser, DeserializationContext context, Type type) {
        JsonValue value = parser.getValue();
        if (value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw malformed();
        }
        String text = string.getString();
        if (text.length() % 4 != 0) {
            throw malformed();
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
    }

    private static InvalidRequestException malformed() {
        return new InvalidRequestException("malformed_request",
                "malformed request body: binary fields must be standard base64 strings with padding");
    }
}
