package org.eekms.crypto.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.ConfigurationV0;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AeadKey;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eekms.crypto.Ciphertext;
import org.eekms.crypto.KeyOperations;
import org.eekms.crypto.KeyType;
import org.eekms.problem.InvalidRequestException;
import org.eekms.problem.VerificationFailedException;

/**
 * AEAD as the webkms API shapes it: the ciphertext goes out without Tink's key prefix and with the nonce apart; on
 * decryption each key's prefix and the nonce are put back and every key of the keyset is tried, primary first.
 */
final class AeadOperations implements KeyOperations {

    private record Version(byte[] prefix, Aead aead) {
    }

    private final KeyType type;
    private final int nonceLength;
    private final Version primary;
    private final List<Version> versions;

    AeadOperations(KeyType type, KeysetHandle handle) {
        this.type = type;
        this.nonceLength = type == KeyType.XCHACHA20POLY1305 ? 24 : 12;
        List<Version> all = new ArrayList<>();
        Version primaryVersion = null;
        for (int i = 0; i < handle.size(); i++) {
            KeysetHandle.Entry entry = handle.getAt(i);
            Version version = new Version(((AeadKey) entry.getKey()).getOutputPrefix().toByteArray(),
                    primitive(entry));
            if (entry.isPrimary()) {
                primaryVersion = version;
                all.add(0, version);
            } else {
                all.add(version);
            }
        }
        this.primary = primaryVersion;
        this.versions = List.copyOf(all);
    }

    private static Aead primitive(KeysetHandle.Entry entry) {
        try {
            return KeysetHandle.newBuilder()
                    .addEntry(KeysetHandle.importKey(entry.getKey()).withFixedId(entry.getId()).makePrimary())
                    .build()
                    .getPrimitive(ConfigurationV0.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AEAD primitive unavailable", e);
        }
    }

    @Override
    public KeyType type() {
        return type;
    }

    @Override
    public Ciphertext encrypt(byte[] plaintext, byte[] associatedData) {
        byte[] output;
        try {
            output = primary.aead().encrypt(plaintext, associatedData);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
        int nonceStart = primary.prefix().length;
        int nonceEnd = nonceStart + nonceLength;
        return new Ciphertext(Arrays.copyOfRange(output, nonceEnd, output.length),
                Arrays.copyOfRange(output, nonceStart, nonceEnd));
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, byte[] nonce, byte[] associatedData) {
        if (nonce == null || nonce.length != nonceLength) {
            throw new InvalidRequestException("nonce must be " + nonceLength + " bytes for " + type.wireName());
        }
        for (Version version : versions) {
            byte[] input = concat(version.prefix(), nonce, ciphertext);
            try {
                return version.aead().decrypt(input, associatedData);
            } catch (GeneralSecurityException e) {
                // not this version; try the next
            }
        }
        throw VerificationFailedException.decryption();
    }

    private static byte[] concat(byte[] prefix, byte[] nonce, byte[] ciphertext) {
        byte[] out = new byte[prefix.length + nonce.length + ciphertext.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(nonce, 0, out, prefix.length, nonce.length);
        System.arraycopy(ciphertext, 0, out, prefix.length + nonce.length, ciphertext.length);
        return out;
    }
}
