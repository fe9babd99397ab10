package org.eekms.it;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Request bodies for {@link FuzzIT}: JSON shaped like a route's request, with hostile values mixed in (wrong types,
 * huge and negative numbers, long digit strings, deep nesting, invalid UTF-8, bad base64, missing, null, duplicate and
 * unknown fields), and now and then a whole body that is not JSON at all. Bytes, not strings, so that invalid UTF-8
 * reaches the server as it is. Every choice comes from the {@link Random} given, so a seed replays a run.
 */
final class HostileJson {

    /** What a field holds when the request is well-formed. */
    enum Kind { BYTES, TEXT, KEY_TYPE, LOCK_TYPE, CURVE, ALG, NUMBER, BYTES_LIST, NUMBER_LIST, TEXT_LIST,
        PUBLIC_KEY, WRAPPED_KEY, SECRET_LOCK }

    static final Map<String, Kind> PUBLIC_KEY = fields("kid", Kind.TEXT, "x", Kind.BYTES, "y", Kind.BYTES,
            "curve", Kind.CURVE, "type", Kind.TEXT);
    static final Map<String, Kind> WRAPPED_KEY = fields("kid", Kind.TEXT, "encryptedcek", Kind.BYTES,
            "epk", Kind.PUBLIC_KEY, "alg", Kind.ALG, "apu", Kind.BYTES, "apv", Kind.BYTES);
    static final Map<String, Kind> SECRET_LOCK = fields("type", Kind.LOCK_TYPE, "threshold", Kind.NUMBER,
            "key_url", Kind.TEXT);

    private static final List<String> KEY_TYPES = List.of("AES128GCM", "AES256GCM", "AES256GCMNoPrefix",
            "ChaCha20Poly1305", "XChaCha20Poly1305", "HMACSHA256Tag256", "ED25519", "ECDSAP256DER", "ECDSAP384DER",
            "ECDSAP521DER", "ECDSAP256IEEEP1363", "ECDSAP384IEEEP1363", "ECDSAP521IEEEP1363", "ECDSASecp256k1IEEEP1363",
            "ECDSASecp256k1DER", "NISTP256ECDHKW", "NISTP384ECDHKW", "NISTP521ECDHKW", "X25519ECDHKW", "BLS12381G2",
            "RSARS256", "CLCredDef", "ed25519", " ED25519", "");
    private static final List<String> LOCK_TYPES = List.of("key", "shamir", "passphrase", "hkdf", "remote", "aws",
            "local", "KEY", "");
    private static final List<String> CURVES = List.of("P-256", "P-384", "P-521", "X25519", "Ed25519", "secp256k1",
            "NIST_P256", "");
    private static final List<String> ALGS = List.of("ECDH-ES+A256KW", "ECDH-ES+XC20PKW", "ECDH-1PU+A256KW",
            "ECDH-1PU+XC20PKW", "ECDH-ES", "A256KW", "");
    private static final List<String> TEXTS = List.of("", "did:example:alice", "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
            "x", "ключ", "\u0000", "\uFFFF", "../../etc/passwd", "%00", "{\"a\":1}", "<script>", "a".repeat(3000));

    private final Random random;
    private final List<byte[]> knownBytes;
    private ByteArrayOutputStream out;

    HostileJson(Random random, List<byte[]> knownBytes) {
        this.random = random;
        this.knownBytes = knownBytes;
    }

    /** A body for a route whose request has {@code fields}. */
    byte[] body(Map<String, Kind> fields) {
        out = new ByteArrayOutputStream();
        if (chance(0.12)) {
            whollyHostile();
        } else {
            object(fields);
        }
        return out.toByteArray();
    }

    /** A batch body: {@code {"items": [...]}} of up to six such requests, or items that are not. */
    byte[] batch(Map<String, Kind> item) {
        out = new ByteArrayOutputStream();
        if (chance(0.1)) {
            whollyHostile();
            return out.toByteArray();
        }
        write("{\"items\":");
        if (chance(0.15)) {
            hostile();
        } else {
            write("[");
            int count = random.nextInt(7);
            for (int i = 0; i < count; i++) {
                write(i == 0 ? "" : ",");
                if (chance(0.1)) {
                    hostile();
                } else {
                    object(item);
                }
            }
            write("]");
        }
        write("}");
        return out.toByteArray();
    }

    static Map<String, Kind> fields(Object... namesAndKinds) {
        Map<String, Kind> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndKinds.length; i += 2) {
            fields.put((String) namesAndKinds[i], (Kind) namesAndKinds[i + 1]);
        }
        return fields;
    }

    /** Nested arrays {@code depth} deep, closed or not. */
    static String nested(int depth, boolean closed) {
        return "[".repeat(depth) + (closed ? "]".repeat(depth) : "");
    }

    private void object(Map<String, Kind> fields) {
        List<String> members = new ArrayList<>();
        for (Map.Entry<String, Kind> field : fields.entrySet()) {
            double roll = random.nextDouble();
            if (roll < 0.15) {
                continue;
            }
            String name = chance(0.05) ? field.getKey().toUpperCase() : field.getKey();
            members.add(name);
            member(members.size() == 1, name);
            if (roll < 0.7) {
                valid(field.getValue());
            } else {
                hostile();
            }
            if (chance(0.05)) {
                member(false, field.getKey());
                hostile();
            }
        }
        if (chance(0.1)) {
            member(members.isEmpty(), chance(0.5) ? "unknown_" + random.nextInt(100) : "edv");
            members.add("unknown");
            hostile();
        }
        write("}");
    }

    private void member(boolean first, String name) {
        write(first ? "{" : ",");
        string(name);
        write(":");
    }

    private void valid(Kind kind) {
        switch (kind) {
            case BYTES -> string(b64(bytes()));
            case TEXT -> string(pick(TEXTS));
            case KEY_TYPE -> string(pick(KEY_TYPES));
            case LOCK_TYPE -> string(pick(LOCK_TYPES));
            case CURVE -> string(pick(CURVES));
            case ALG -> string(pick(ALGS));
            case NUMBER -> write(String.valueOf(random.nextInt(8) - 1));
            case BYTES_LIST -> list(Kind.BYTES);
            case NUMBER_LIST -> list(Kind.NUMBER);
            case TEXT_LIST -> list(Kind.TEXT);
            case PUBLIC_KEY -> object(PUBLIC_KEY);
            case WRAPPED_KEY -> object(WRAPPED_KEY);
            case SECRET_LOCK -> object(SECRET_LOCK);
        }
    }

    private void list(Kind element) {
        write("[");
        int count = random.nextInt(6);
        for (int i = 0; i < count; i++) {
            write(i == 0 ? "" : ",");
            if (chance(0.1)) {
                hostile();
            } else {
                valid(element);
            }
        }
        write("]");
    }

    private byte[] bytes() {
        if (!knownBytes.isEmpty() && chance(0.3)) {
            return pick(knownBytes);
        }
        int[] lengths = {0, 1, 12, 16, 24, 32, 33, 48, 64, 65, 96, 97, 112};
        byte[] bytes = new byte[chance(0.2) ? random.nextInt(300) : lengths[random.nextInt(lengths.length)]];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A value of the wrong type or shape, or one that is too big, too deep or not UTF-8. */
    private void hostile() {
        switch (random.nextInt(22)) {
            case 0 -> write("null");
            case 1 -> write(chance(0.5) ? "true" : "false");
            case 2 -> write(pick(List.of("0", "-1", "-0", "2147483648", "-2147483649", "9223372036854775808",
                    "-9223372036854775809", "1.5", "1e400", "-1e-400", "1E+2147483648", "0.0000000000000001")));
            case 3 -> write((chance(0.5) ? "-" : "") + "9".repeat(chance(0.02) ? 1_000_000 : 20 + random.nextInt(5000)));
            case 4 -> write("1" + "0".repeat(random.nextInt(2000)) + "e-" + random.nextInt(100_000));
            case 5 -> string(pick(List.of("not base64!", "YQ", "YQ=", "-_-_", "====", "A===", "YW Jj", "YWJj\n",
                    "YWJj====", "\u00e9\u00e9\u00e9\u00e9")));
            case 6 -> string(b64(new byte[chance(0.02) ? 1_200_000 : random.nextInt(100_000)]));
            case 7 -> write("[]");
            case 8 -> write("{}");
            case 9 -> write("[" + random.nextInt() + ",\"a\",null,{}]");
            case 10 -> write("{\"a\":{\"b\":[1,{\"c\":null}]}}");
            case 11 -> write(nested(random.nextInt(200), true));
            case 12 -> write(nested(10_000, true));
            case 13 -> invalidUtf8String();
            case 14 -> write("\"\\uD800 lone surrogate\"");
            case 15 -> write("\"\\uD800\\u0000\\\\\\\"\\/\\b\\f\\n\\r\\t\"");
            case 16 -> write("\"unterminated");
            case 17 -> write("NaN");
            case 18 -> write("'single'");
            case 19 -> valid(pick(List.of(Kind.values())));
            case 20 -> string(pick(TEXTS));
            default -> write("{\"items\":" + nested(random.nextInt(100), true) + "}");
        }
    }

    private void whollyHostile() {
        switch (random.nextInt(16)) {
            case 0 -> write("");
            case 1 -> write("null");
            case 2 -> write("[]");
            case 3 -> write("{}");
            case 4 -> write("\"x\"");
            case 5 -> write("42");
            case 6 -> write(pick(List.of("{", "}", "{\"a\"", "{\"message\":}", "{,}", "{\"a\":1,}", "[1,]")));
            case 7 -> {
                byte[] garbage = new byte[random.nextInt(2000)];
                random.nextBytes(garbage);
                out.writeBytes(garbage);
            }
            case 8 -> {
                write("{");
                invalidUtf8String();
                write(":");
                invalidUtf8String();
                write("}");
            }
            case 9 -> out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'});
            case 10 -> write("{}{}");
            case 11 -> write("{} trailing");
            case 12 -> write(nested(10_000, false));
            case 13 -> write("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000));
            case 14 -> write(nested(65 + random.nextInt(100), true));
            default -> hostile();
        }
    }

    private void invalidUtf8String() {
        write("\"a");
        byte[][] invalid = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0x80},
            {(byte) 0xE2, (byte) 0x82}};
        out.writeBytes(invalid[random.nextInt(invalid.length)]);
        write("b\"");
    }

    private void string(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> quoted.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        write(quoted.append('"').toString());
    }

    private void write(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
