package org.eekms.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Project Wycheproof vectors (C2SP/wycheproof {@code testvectors_v1/}) for the conformance tests: where they are,
 * how to read them, and the tally of one file. The vectors are not part of the project; the {@code wycheproof} Maven
 * profile passes their folder as the system property {@value #DIR_PROPERTY}, and a missing folder fails the tests.
 */
final class Wycheproof {

    static final String DIR_PROPERTY = "wycheproof.dir";

    private Wycheproof() {
    }

    /** The vectors' folder; fails (never skips) when it is not given or not there. */
    static Path dir() {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            fail("system property " + DIR_PROPERTY + " is not set: run the conformance tests with -Pwycheproof");
        }
        Path path = Path.of(dir).toAbsolutePath().normalize();
        if (!Files.isDirectory(path)) {
            fail("Wycheproof vectors not found at " + path + " (" + DIR_PROPERTY + "): the wycheproof profile needs "
                    + "../shared/vectors/wycheproof beside the checkout");
        }
        return path;
    }

    /** One vector file, parsed. */
    static JsonObject load(String file) {
        Path path = dir().resolve(file);
        if (!Files.isRegularFile(path)) {
            fail("Wycheproof vector file missing: " + path);
        }
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8);
                JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        } catch (IOException e) {
            throw new AssertionError("cannot read " + path, e);
        }
    }

    static List<JsonObject> groups(JsonObject file) {
        return file.getJsonArray("testGroups").getValuesAs(JsonObject.class);
    }

    static List<JsonObject> tests(JsonObject group) {
        return group.getJsonArray("tests").getValuesAs(JsonObject.class);
    }

    static byte[] hex(JsonObject object, String name) {
        return org.eekms.crypto.TestData.hex(object.getString(name));
    }

    /** Something done to one vector: returning normally means our code accepted it. */
    @FunctionalInterface
    interface Attempt {
        void run() throws Exception;
    }

    /**
     * The outcome of one file: valid vectors must be accepted (with the right output, which the attempt asserts),
     * invalid ones rejected by one of the given exceptions, acceptable ones may go either way. Anything else (an
     * accepted invalid vector, a rejected valid one, an unexpected exception) is collected and fails {@link #finish}.
     */
    static final class Tally {

        private final String file;
        private final Set<Class<? extends RuntimeException>> rejections;
        private final List<String> failures = new ArrayList<>();
        private int valid;
        private int invalid;
        private int acceptable;
        private int acceptableAccepted;
        private int skipped;

        @SafeVarargs
        Tally(String file, Class<? extends RuntimeException>... rejections) {
            this.file = file;
            this.rejections = Set.of(rejections);
        }

        /** Tests of groups (or single tests) outside what our key types can express. */
        void skip(int count) {
            skipped += count;
        }

        void check(JsonObject test, Attempt attempt) {
            String result = test.getString("result");
            boolean accepted;
            try {
                attempt.run();
                accepted = true;
            } catch (AssertionError e) {
                failures.add(describe(test) + ": " + e.getMessage());
                return;
            } catch (Exception e) {
                if (!rejections.contains(e.getClass())) {
                    failures.add(describe(test) + ": unexpected " + e);
                    return;
                }
                accepted = false;
            }
            switch (result) {
                case "valid" -> {
                    if (accepted) {
                        valid++;
                    } else {
                        failures.add(describe(test) + ": valid vector rejected");
                    }
                }
                case "invalid" -> {
                    if (accepted) {
                        failures.add(describe(test) + ": invalid vector ACCEPTED");
                    } else {
                        invalid++;
                    }
                }
                case "acceptable" -> {
                    acceptable++;
                    if (accepted) {
                        acceptableAccepted++;
                    }
                }
                default -> failures.add(describe(test) + ": unknown result " + result);
            }
        }

        /** Prints the counts and fails with every vector that went wrong. */
        void finish() {
            System.out.println("wycheproof " + file + ": " + valid + " valid passed, " + invalid + " invalid rejected, "
                    + acceptable + " acceptable"
                    + (acceptable > 0 ? " (" + acceptableAccepted + " accepted, "
                            + (acceptable - acceptableAccepted) + " rejected)" : "")
                    + (skipped > 0 ? "; " + skipped + " skipped as not expressible with our key types or on the wire" : "")
                    + (failures.isEmpty() ? "" : "; " + failures.size() + " FAILED"));
            if (!failures.isEmpty()) {
                fail(file + ": " + failures.size() + " vectors went wrong:\n  "
                        + String.join("\n  ", failures));
            }
            assertTrue(valid > 0, file + ": no valid vector was checked; is the group filter right?");
        }

        private static String describe(JsonObject test) {
            String flags = test.containsKey("flags")
                    ? test.getJsonArray("flags").stream()
                            .map(value -> value.getValueType() == JsonValue.ValueType.STRING
                                    ? ((JsonString) value).getString() : value.toString())
                            .collect(Collectors.joining(","))
                    : "";
            return "tcId " + test.getInt("tcId") + " [" + test.getString("result") + "] "
                    + test.getString("comment", "") + (flags.isEmpty() ? "" : " {" + flags + "}");
        }
    }
}
