package org.eekms.secretlock.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.eekms.crypto.SecretBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKeyFileTest {

    @TempDir
    Path dir;

    @Test
    void createsAMissingFileWhenAskedOwnerOnly() throws IOException {
        Path path = dir.resolve("master.key");

        SecretBytes key = LocalKeyFile.read(path, true);

        assertEquals(32, key.length());
        assertTrue(Files.isRegularFile(path));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
        byte[] decoded = Base64.getUrlDecoder().decode(Files.readString(path, StandardCharsets.US_ASCII).trim());
        assertEquals(32, decoded.length);
        assertTrue(SecretBytes.copyOf(decoded).equalsSecret(key), "the file holds the key that was returned");
    }

    @Test
    void aSecondReadReturnsTheSameKey() {
        Path path = dir.resolve("master.key");
        SecretBytes first = LocalKeyFile.read(path, true);

        assertTrue(first.equalsSecret(LocalKeyFile.read(path, true)), "an existing file is never replaced");
        assertTrue(first.equalsSecret(LocalKeyFile.read(path, false)));
    }

    @Test
    void createsMissingDirectoriesAndLeavesNoTemporaryFile() throws IOException {
        Path path = dir.resolve("a/b/master.key");

        LocalKeyFile.read(path, true);

        assertTrue(Files.isRegularFile(path));
        try (Stream<Path> files = Files.list(path.getParent())) {
            assertEquals(List.of(path), files.toList());
        }
    }

    @Test
    void concurrentFirstStartsAllUseOneKey() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 25; round++) {
                Path path = dir.resolve("race-" + round + ".key");
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<SecretBytes>> keys = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    keys.add(pool.submit(() -> {
                        start.await();
                        return LocalKeyFile.read(path, true);
                    }));
                }
                List<SecretBytes> used = new ArrayList<>();
                for (Future<SecretBytes> key : keys) {
                    used.add(key.get());
                }
                SecretBytes onFile = LocalKeyFile.read(path, false);
                for (SecretBytes key : used) {
                    assertTrue(key.equalsSecret(onFile),
                            "a node that created the key file first must not have it replaced by another node's");
                }
                try (Stream<Path> files = Files.list(dir)) {
                    assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "temp files left");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMissingFileIsNotCreatedUnlessAsked() {
        Path path = dir.resolve("master.key");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LocalKeyFile.read(path, false));

        assertTrue(e.getMessage().contains("KMS_SECRET_LOCK_KEY_PATH"), e.getMessage());
        assertFalse(Files.exists(path));
    }

    @Test
    void acceptsRaw32Bytes() throws IOException {
        byte[] raw = new byte[32];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (0xf0 + i); // not text, and includes '\n'-free high bytes
        }
        raw[5] = '\n'; // raw bytes are taken as they are, never trimmed
        raw[31] = ' ';

        assertArrayEquals(raw, LocalKeyFile.read(write(raw), false).toByteArray());
    }

    @Test
    void acceptsStandardBase64() throws IOException {
        byte[] key = keyWithBase64SpecialCharacters();
        String text = Base64.getEncoder().encodeToString(key);
        assertTrue(text.contains("+") && text.contains("/") && text.endsWith("="), text);

        assertArrayEquals(key, LocalKeyFile.read(write(text + "\n"), false).toByteArray());
        assertArrayEquals(key, LocalKeyFile.read(write(text.replace("=", "")), false).toByteArray(),
                "padding is optional");
    }

    @Test
    void acceptsUrlSafeBase64() throws IOException {
        byte[] key = keyWithBase64SpecialCharacters();
        String text = Base64.getUrlEncoder().encodeToString(key);
        assertTrue(text.contains("-") && text.contains("_"), text);

        assertArrayEquals(key, LocalKeyFile.read(write(text + "\n"), false).toByteArray());
        assertArrayEquals(key, LocalKeyFile.read(write(text.replace("=", "")), false).toByteArray());
    }

    @Test
    void rejects31RawBytes() throws IOException {
        byte[] raw = new byte[31];
        java.util.Arrays.fill(raw, (byte) 0xa7);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LocalKeyFile.read(write(raw), false));

        assertTrue(e.getMessage().contains("KMS_SECRET_LOCK_KEY_PATH"), e.getMessage());
        assertTrue(e.getMessage().contains("32 bytes"), e.getMessage());
    }

    @Test
    void rejectsBase64OfAKeyOfTheWrongLength() throws IOException {
        String shortKey = Base64.getEncoder().encodeToString(new byte[31]);
        String longKey = Base64.getUrlEncoder().encodeToString(new byte[33]);

        assertThrows(IllegalStateException.class, () -> LocalKeyFile.read(write(shortKey), false));
        assertThrows(IllegalStateException.class, () -> LocalKeyFile.read(write(longKey), false));
    }

    @Test
    void rejectsGarbageWithoutRepeatingIt() throws IOException {
        for (String garbage : List.of("this is not a key: hunter2!", "", "\n", "QUJD*RUZH", "%%%%-_-_")) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> LocalKeyFile.read(write(garbage), false), garbage);
            for (Throwable t = e; t != null; t = t.getCause()) {
                String message = String.valueOf(t.getMessage());
                assertTrue(garbage.isBlank() || !message.contains(garbage.trim()), message);
                assertFalse(message.contains("hunter2"), message);
            }
        }
    }

    @Test
    void aDirectoryIsNotAKeyFile() throws IOException {
        Path path = Files.createDirectory(dir.resolve("master.key"));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LocalKeyFile.read(path, true));
        assertTrue(e.getMessage().contains("KMS_SECRET_LOCK_KEY_PATH"), e.getMessage());
    }

    @Test
    void theKeyIsNeverPrinted() {
        SecretBytes key = LocalKeyFile.read(dir.resolve("master.key"), true);
        String encoded = Base64.getUrlEncoder().encodeToString(key.toByteArray());
        assertFalse(key.toString().contains(encoded.substring(0, 8)));
    }

    private Path write(byte[] content) throws IOException {
        Path path = Files.createTempFile(dir, "key", ".bin");
        Files.write(path, content);
        return path;
    }

    private Path write(String content) throws IOException {
        return write(content.getBytes(StandardCharsets.US_ASCII));
    }

    /** 32 bytes whose base64 has '+' and '/' (or '-' and '_') in it, so the alphabet matters. */
    private static byte[] keyWithBase64SpecialCharacters() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i % 2 == 0 ? 0xfb : 0xff);
        }
        return key;
    }
}
