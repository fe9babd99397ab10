package org.eekms.crypto;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Secret key material held in memory: copied in and out so no caller shares the array, compared in constant time,
 * never printed. {@link #destroy()} overwrites it once it is no longer needed.
 */
public final class SecretBytes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;

    private SecretBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    public static SecretBytes copyOf(byte[] bytes) {
        return new SecretBytes(bytes.clone());
    }

    public static SecretBytes random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return new SecretBytes(bytes);
    }

    /** A copy of the secret; the caller clears it after use. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    public boolean equalsSecret(SecretBytes other) {
        return MessageDigest.isEqual(bytes, other.bytes);
    }

    public void destroy() {
        Arrays.fill(bytes, (byte) 0);
    }

    @Override
    public String toString() {
        return "SecretBytes[" + bytes.length + " bytes, redacted]";
    }
}
