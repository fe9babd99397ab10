package org.eekms.rest;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Keeps the container's MicroProfile JWT authentication out of the way unless {@code KMS_AUTH_TYPE} is {@code jwt}
 * or {@code zcap} (where administrators bring bearer tokens). The
 * application declares MP-JWT once, for every mode, and the container then reads any {@code Authorization: Bearer}
 * header as a JWT, refusing what is not one: the share holder's bearer token and headers forwarded for the
 * {@code remote} lock among them. In {@code none} mode this source tells the container to look for its token in
 * a cookie nobody sends ({@code mp.jwt.token.header=Cookie}, {@code mp.jwt.token.cookie=kms-jwt-off}). Its ordinal is
 * the lowest, so an administrator's own {@code mp.jwt.token.*} settings win.
 */
public class JwtOffConfigSource implements ConfigSource {

    private static final Map<String, String> OFF = Map.of(
            "mp.jwt.token.header", "Cookie",
            "mp.jwt.token.cookie", "kms-jwt-off");

    private final Map<String, String> properties = jwtMode() ? Map.of() : OFF;

    static boolean jwtMode() {
        String type = System.getProperty("kms.auth.type");
        if (type == null) {
            type = System.getenv("KMS_AUTH_TYPE");
        }
        String mode = type == null ? "" : type.trim().toLowerCase(Locale.ROOT);
        return mode.equals("jwt") || mode.equals("zcap");
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "eekms: MP-JWT off unless KMS_AUTH_TYPE=jwt or zcap";
    }

    @Override
    public int getOrdinal() {
        return 1;
    }
}
