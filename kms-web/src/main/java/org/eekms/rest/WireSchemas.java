package org.eekms.rest;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eekms.keystore.rest.BatchMessages;
import org.eekms.keystore.rest.CryptoMessages;
import org.eekms.keystore.rest.KeyMessages;
import org.eekms.keystore.rest.KeystoreMessages;
import org.eekms.keystore.rest.WrapMessages;
import org.eekms.shareholder.rest.SecretResource;

/**
 * Makes the container's generated OpenAPI document ({@code /openapi}) describe the wire, not the Java: generators
 * name a record's properties after its components ({@code keyStoreUrl}) and render {@code byte[]} as an array,
 * while the API speaks JSON-B ({@code key_store_url}, standard base64 strings). So every schema of a message record
 * is rebuilt here from the record's {@link JsonbProperty} names and types. Registered with {@code mp.openapi.filter}.
 */
public class WireSchemas implements OASFilter {

    private static final Map<String, Class<?>> MESSAGES = messages();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.info(OASFactory.createInfo().title("EE KMS").version("v1").description(
                "TrustBloc webkms-compatible key management: keystores, keys and their crypto operations."));
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        // the schema objects are rewritten in place: the model's map of them is read-only
        openAPI.getComponents().getSchemas().forEach((name, schema) -> {
            Class<?> message = MESSAGES.get(name);
            if (message != null) {
                Schema wire = schemaOf(message);
                schema.setType(wire.getType());
                schema.setProperties(wire.getProperties());
            }
        });
    }

    static Schema schemaOf(Class<?> record) {
        Schema schema = OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
        for (RecordComponent component : record.getRecordComponents()) {
            // @JsonbProperty has no RECORD_COMPONENT target: it lands on the accessor (and field)
            JsonbProperty property = component.getAccessor().getAnnotation(JsonbProperty.class);
            String name = property == null ? component.getName() : property.value();
            schema.addProperty(name, typeOf(component.getGenericType()));
        }
        return schema;
    }

    private static Schema typeOf(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw)) {
            return OASFactory.createSchema().type(Schema.SchemaType.ARRAY)
                    .items(typeOf(parameterized.getActualTypeArguments()[0]));
        }
        if (!(type instanceof Class<?> simple)) {
            return OASFactory.createSchema();
        }
        if (simple == byte[].class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING).format("byte")
                    .description("standard base64");
        }
        if (simple == String.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING);
        }
        if (simple == int.class || simple == Integer.class || simple == long.class || simple == Long.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.INTEGER);
        }
        if (simple == boolean.class || simple == Boolean.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.BOOLEAN);
        }
        if (simple == JsonObject.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
        }
        if (simple.isRecord() && MESSAGES.containsKey(simple.getSimpleName())) {
            return OASFactory.createSchema().ref(simple.getSimpleName());
        }
        return OASFactory.createSchema();
    }

    private static Map<String, Class<?>> messages() {
        Map<String, Class<?>> messages = new LinkedHashMap<>();
        Stream.of(KeystoreMessages.class, KeyMessages.class, CryptoMessages.class, WrapMessages.class,
                        BatchMessages.class, HealthCheckResource.class, SecretResource.class)
                .flatMap(holder -> Arrays.stream(holder.getDeclaredClasses()))
                .filter(Class::isRecord)
                .forEach(record -> messages.put(record.getSimpleName(), record));
        messages.put(ErrorBody.class.getSimpleName(), ErrorBody.class);
        return Map.copyOf(messages);
    }
}
