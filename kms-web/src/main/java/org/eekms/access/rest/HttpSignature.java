package org.eekms.access.rest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eekms.problem.AccessDeniedException;

/**
 * A draft-cavage HTTP signature ({@code Signature: keyId="…",algorithm="…",created=…,expires=…,headers="…",
 * signature="…"}) as TrustBloc's ZCAP clients send it, and the signing string it covers: one line
 * {@code name: value} per listed header, in the listed order, joined by newlines; {@code (request-target)} is the
 * lower-case method, a space and the path with its query; {@code (created)} and {@code (expires)} the parameters.
 * Anything malformed is a 401 that says what, never which key was tried.
 */
public record HttpSignature(String keyId, String algorithm, Long created, Long expires, List<String> headers,
        byte[] signature) {

    private static final Pattern PARAMETER = Pattern.compile("\\s*([a-zA-Z]+)\\s*=\\s*(?:\"([^\"]*)\"|([0-9]+))\\s*(,|$)");

    public static HttpSignature parse(String header) {
        if (header == null || header.isBlank()) {
            throw AccessDeniedException.unauthenticated("a Signature header is required");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher matcher = PARAMETER.matcher(header.trim());
        int end = 0;
        while (end < header.trim().length() && matcher.find(end) && matcher.start() == end) {
            String name = matcher.group(1).toLowerCase(Locale.ROOT);
            if (parameters.put(name, matcher.group(2) != null ? matcher.group(2) : matcher.group(3)) != null) {
                throw malformed("repeats " + name);
            }
            end = matcher.end();
        }
        if (end != header.trim().length()) {
            throw malformed("is not a list of name=\"value\" parameters");
        }
        String keyId = required(parameters, "keyid");
        String signature = required(parameters, "signature");
        String list = parameters.getOrDefault("headers", "(created)");
        List<String> headers = new ArrayList<>();
        for (String name : list.trim().split("\\s+")) {
            headers.add(name.toLowerCase(Locale.ROOT));
        }
        if (!parameters.containsKey("created")) {
            throw malformed("has no created");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw malformed("has a signature that is not standard base64");
        }
        return new HttpSignature(keyId, parameters.get("algorithm"), number(parameters, "created"),
                number(parameters, "expires"), List.copyOf(headers), bytes);
    }

    /** The string the signature covers; {@code header} gives a request header's values joined by ", ", or null. */
    public byte[] signingString(String method, String pathAndQuery, Function<String, String> header) {
        StringBuilder out = new StringBuilder();
        for (String name : headers) {
            if (out.length() > 0) {
                out.append('\n');
            }
            String value = switch (name) {
                case "(request-target)" -> method.toLowerCase(Locale.ROOT) + " " + pathAndQuery;
                case "(created)" -> created == null ? null : created.toString();
                case "(expires)" -> expires == null ? null : expires.toString();
                case "(key-id)" -> keyId;
                case "(algorithm)" -> algorithm;
                default -> header.apply(name);
            };
            if (value == null) {
                throw malformed("lists " + name + ", which the request does not have");
            }
            out.append(name).append(": ").append(value);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public boolean covers(String name) {
        return headers.contains(name);
    }

    private static String required(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isEmpty()) {
            throw malformed("has no " + name);
        }
        return value;
    }

    private static Long number(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw malformed("has a " + name + " that is not a number of seconds");
        }
    }

    private static AccessDeniedException malformed(String what) {
        return AccessDeniedException.unauthenticated("the Signature header " + what);
    }

    @Override
    public String toString() {
        return "HttpSignature[" + keyId + ", " + headers + "]";
    }
}
