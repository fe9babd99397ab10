package org.eekms.crypto.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.eekms.crypto.SecretAead;
import org.eekms.crypto.SecretAeads;
import org.eekms.crypto.SecretBytes;
import org.eekms.problem.VerificationFailedException;

/**
 * AES-256-GCM under a key derived from a passphrase with PBKDF2-HMAC-SHA256 (the passphrase as UTF-8). Each
 * ciphertext says how its key was derived:
 *
 * <pre>
 * version (1 byte, 1) ‖ iterations (4 bytes, big-endian) ‖ salt (16 bytes) ‖ IV (12) ‖ ciphertext ‖ tag (16)
 * </pre>
 *
 * <p>The 21-byte header is authenticated too (it precedes the associated data in GCM's AAD). Encryption uses one
 * salt chosen at construction, so it costs no PBKDF2; decrypting a ciphertext made with another salt or iteration
 * count (an earlier run, another node, an older setting) derives that key once and keeps it in a small LRU map.
 */
public final class PassphraseAead implements SecretAead {

    public static final int MIN_ITERATIONS = 10_000;
    /** Bounds the work one stored blob can ask for (PBKDF2 at ten million iterations takes seconds). */
    public static final int MAX_ITERATIONS = 10_000_000;

    static final byte VERSION = 1;
    static final int SALT_LENGTH = 16;
    static final int HEADER_LENGTH = 1 + 4 + SALT_LENGTH;
    private static final int GCM_OVERHEAD = 12 + 16;
    private static final int CACHED_KEYS = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final char[] passphrase;
    private final byte[] sealingHeader;
    private final SecretAead sealingAead;
    private final Map<Derivation, SecretAead> derived = new LinkedHashMap<>(CACHED_KEYS, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Derivation, SecretAead> eldest) {
            return size() > CACHED_KEYS;
        }
    };

    /** Copies the passphrase (it is needed again for other salts); the caller clears its own array. */
    public PassphraseAead(char[] passphrase, int iterations) {
        if (passphrase.length == 0) {
            throw new IllegalArgumentException("the passphrase is empty");
        }
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 iterations must be between " + MIN_ITERATIONS + " and "
                    + MAX_ITERATIONS);
        }
        this.passphrase = passphrase.clone();
        byte[] salt = new byte[SALT_LENGTH];
        RANDOM.nextBytes(salt);
        this.sealingHeader = ByteBuffer.allocate(HEADER_LENGTH).put(VERSION).putInt(iterations).put(salt).array();
        Derivation derivation = new Derivation(iterations, salt);
        this.sealingAead = derive(passphrase, derivation);
        derived.put(derivation, sealingAead);
    }

    @Override
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        byte[] sealed = sealingAead.encrypt(plaintext, concat(sealingHeader, associatedData));
        return ByteBuffer.allocate(HEADER_LENGTH + sealed.length).put(sealingHeader).put(sealed).array();
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
        if (ciphertext.length < HEADER_LENGTH + GCM_OVERHEAD || ciphertext[0] != VERSION) {
            throw VerificationFailedException.decryption();
        }
        ByteBuffer buffer = ByteBuffer.wrap(ciphertext);
        buffer.get();
        int iterations = buffer.getInt();
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw VerificationFailedException.decryption();
        }
        byte[] salt = new byte[SALT_LENGTH];
        buffer.get(salt);
        byte[] header = Arrays.copyOf(ciphertext, HEADER_LENGTH);
        byte[] sealed = Arrays.copyOfRange(ciphertext, HEADER_LENGTH, ciphertext.length);
        return aeadFor(new Derivation(iterations, salt)).decrypt(sealed, concat(header, associatedData));
    }

    private SecretAead aeadFor(Derivation derivation) {
        synchronized (derived) {
            SecretAead aead = derived.get(derivation);
            if (aead != null) {
                return aead;
            }
        }
        // Derived outside the lock: PBKDF2 takes long, and other salts must not wait for it.
        SecretAead aead = derive(passphrase, derivation);
        synchronized (derived) {
            derived.putIfAbsent(derivation, aead);
        }
        return aead;
    }

    /**
     * Plain AES-256-GCM keyed with PBKDF2-HMAC-SHA256(passphrase, salt, iterations), for a lock that stores its salt
     * and iteration count itself (the passphrase keystore lock). The passphrase arrives as its UTF-8 bytes.
     */
    public static SecretAead withStoredSalt(SecretBytes passphraseUtf8, byte[] salt, int iterations) {
        if (passphraseUtf8.length() == 0) {
            throw new IllegalArgumentException("the passphrase is empty");
        }
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 iterations must be between " + MIN_ITERATIONS + " and "
                    + MAX_ITERATIONS);
        }
        byte[] bytes = passphraseUtf8.toByteArray();
        java.nio.CharBuffer chars = java.nio.charset.StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
        char[] passphrase = Arrays.copyOf(chars.array(), chars.limit());
        try {
            return derive(passphrase, new Derivation(iterations, salt.clone()));
        } finally {
            Arrays.fill(bytes, (byte) 0);
            Arrays.fill(chars.array(), '\0');
            Arrays.fill(passphrase, '\0');
        }
    }

    private static SecretAead derive(char[] passphrase, Derivation derivation) {
        return TinkKeysets.aes256GcmFromDerived(pbkdf2(passphrase, derivation.salt(), derivation.iterations()));
    }

    /** PBKDF2-HMAC-SHA256 with a 32-byte output; the JDK's implementation encodes the passphrase as UTF-8. */
    static byte[] pbkdf2(char[] passphrase, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, SecretAeads.AES256_KEY_LENGTH * 8);
        try {
            SecretKey key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec);
            return key.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2-HMAC-SHA256 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] concat(byte[] header, byte[] associatedData) {
        byte[] aad = Arrays.copyOf(header, header.length + associatedData.length);
        System.arraycopy(associatedData, 0, aad, header.length, associatedData.length);
        return aad;
    }

    @Override
    public String toString() {
        return "SecretAead[PBKDF2-HMAC-SHA256, AES-256-GCM]";
    }

    private record Derivation(int iterations, byte[] salt) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Derivation d && d.iterations == iterations && Arrays.equals(d.salt, salt);
        }

        @Override
        public int hashCode() {
            return 31 * iterations + Arrays.hashCode(salt);
        }

        @Override
        public String toString() {
            return "Derivation[" + iterations + "]";
        }
    }
}
