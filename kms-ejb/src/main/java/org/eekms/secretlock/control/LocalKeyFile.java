package org.eekms.secretlock.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.logging.Logger;
import org.eekms.crypto.SecretAeads;
import org.eekms.crypto.SecretBytes;

/**
 * The key file of the {@code local} master lock: 32 bytes, raw or base64 (standard or URL alphabet) text. A missing
 * file is created only when asked (the embedded default's dev key), atomically and readable by the owner alone.
 */
public final class LocalKeyFile {

    private static final Logger LOG = Logger.getLogger(LocalKeyFile.class.getName());
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private LocalKeyFile() {
    }

    public static SecretBytes read(Path path, boolean createIfMissing) {
        if (Files.notExists(path)) {
            if (!createIfMissing) {
                throw new IllegalStateException("KMS_SECRET_LOCK_KEY_PATH: no key file at " + path);
            }
            create(path);
        }
        try {
            warnIfReadableByOthers(path);
            byte[] content = Files.readAllBytes(path);
            try {
                return decode(content);
            } finally {
                Arrays.fill(content, (byte) 0);
            }
        } catch (IOException e) {
            throw new IllegalStateException("KMS_SECRET_LOCK_KEY_PATH: cannot read the key file at " + path, e);
        }
    }

    static SecretBytes decode(byte[] content) {
        if (content.length == SecretAeads.AES256_KEY_LENGTH) {
            return SecretBytes.copyOf(content);
        }
        String text = new String(content, StandardCharsets.US_ASCII).trim();
        byte[] key = null;
        try {
            key = text.contains("-") || text.contains("_")
                    ? Base64.getUrlDecoder().decode(text)
                    : Base64.getDecoder().decode(text);
            if (key.length == SecretAeads.AES256_KEY_LENGTH) {
                return SecretBytes.copyOf(key);
            }
        } catch (IllegalArgumentException e) {
            // fall through to the one message below, which says nothing about the content
        } finally {
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
        throw new IllegalStateException(
                "KMS_SECRET_LOCK_KEY_PATH: the key file must hold 32 bytes, raw or base64-encoded");
    }

    private static void create(Path path) {
        SecretBytes key = SecretBytes.random(SecretAeads.AES256_KEY_LENGTH);
        byte[] raw = key.toByteArray();
        byte[] text = Base64.getUrlEncoder().encode(raw);
        try {
            Path dir = path.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".master-key", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            try {
                Files.write(temp, text);
                // Never leave a half-written key behind: the file appears whole or not at all.
                publish(temp, path);
            } catch (FileAlreadyExistsException e) {
                return; // another node created it first: use theirs
            } finally {
                Files.deleteIfExists(temp);
            }
            LOG.warning(() -> "Created a DEVELOPMENT master key at " + path + ". It protects every key of this"
                    + " server: keep it owner-only and backed up, and use a real secret lock in production.");
        } catch (IOException e) {
            throw new IllegalStateException("KMS_SECRET_LOCK_KEY_PATH: cannot create the key file at " + path, e);
        } finally {
            Arrays.fill(raw, (byte) 0);
            Arrays.fill(text, (byte) 0);
            key.destroy();
        }
    }

    /**
     * Gives the written temporary file its final name without ever replacing a key file another node created in the
     * meantime (a rename would, silently, after that node started sealing with its key): a hard link is atomic and
     * fails when the name exists. File systems without hard links get a move that refuses to replace.
     */
    private static void publish(Path temp, Path path) throws IOException {
        try {
            Files.createLink(path, temp);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.move(temp, path);
        }
    }

    private static void warnIfReadableByOthers(Path path) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            if (!OWNER_ONLY.containsAll(permissions)) {
                LOG.warning(() -> "The master key file " + path + " is readable by others ("
                        + PosixFilePermissions.toString(permissions) + "); make it owner-only (chmod 600).");
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to check
        }
    }
}
