package org.eekms.access.rest;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.eekms.problem.AccessDeniedException;

/**
 * The {@code capability-invocation} header of a ZCAP-LD request, as TrustBloc's clients send it:
 * {@code zcap capability="<base64url of the gzipped capability JSON>",action="<action>"}. The capability is
 * decompressed up to a bound, so a small header cannot expand into a large document.
 */
public record CapabilityInvocation(JsonObject capability, byte[] json, String action) {

    static final int MAX_CAPABILITY_BYTES = 64 * 1024;
    private static final Pattern HEADER = Pattern.compile(
            "(?i:zcap)\\s+capability\\s*=\\s*\"([A-Za-z0-9_=-]+)\"\\s*,\\s*action\\s*=\\s*\"([A-Za-z]{1,64})\"");

    public static CapabilityInvocation parse(String header) {
        if (header == null || header.isBlank()) {
            throw AccessDeniedException.unauthenticated("a capability-invocation header is required");
        }
        Matcher matcher = HEADER.matcher(header.trim());
        if (!matcher.matches()) {
            throw AccessDeniedException.unauthenticated(
                    "the capability-invocation header must be zcap capability=\"…\",action=\"…\"");
        }
        byte[] json = gunzip(matcher.group(1));
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(json))) {
            return new CapabilityInvocation(reader.readObject(), json, matcher.group(2));
        } catch (JsonException | IllegalStateException e) {
            throw AccessDeniedException.unauthenticated("the invoked capability is not a JSON object");
        }
    }

    /** How a capability travels: gzip, then base64 ({@code url}: the header's alphabet; otherwise the JSON's). */
    public static String compress(JsonObject capability, boolean url) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(capability.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return (url ? Base64.getUrlEncoder() : Base64.getEncoder()).encodeToString(bytes.toByteArray());
    }

    private static byte[] gunzip(String base64) {
        byte[] compressed;
        try {
            compressed = Base64.getUrlDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw AccessDeniedException.unauthenticated("the invoked capability is not base64url");
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            byte[] json = in.readNBytes(MAX_CAPABILITY_BYTES + 1);
            if (json.length > MAX_CAPABILITY_BYTES) {
                throw AccessDeniedException.unauthenticated("the invoked capability is larger than "
                        + MAX_CAPABILITY_BYTES + " bytes");
            }
            return json;
        } catch (IOException e) {
            throw AccessDeniedException.unauthenticated("the invoked capability is not gzip");
        }
    }

    @Override
    public String toString() {
        return "CapabilityInvocation[" + action + "]";
    }
}
