package org.eekms.crypto.internal;

import static org.eekms.crypto.TestData.concat;
import static org.eekms.crypto.internal.Wycheproof.groups;
import static org.eekms.crypto.internal.Wycheproof.hex;
import static org.eekms.crypto.internal.Wycheproof.tests;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.Key;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.aead.ChaCha20Poly1305Key;
import com.google.crypto.tink.aead.XChaCha20Poly1305Key;
import com.google.crypto.tink.util.SecretBytes;
import jakarta.json.JsonObject;
import java.security.GeneralSecurityException;
import org.eekms.crypto.KeyOperations;
import org.eekms.crypto.KeyType;
import org.eekms.problem.InvalidRequestException;
import org.eekms.problem.VerificationFailedException;
import org.junit.jupiter.api.Test;

/**
 * Wycheproof AEAD vectors decrypted through {@link AeadOperations}, as the webkms API receives them: the nonce apart,
 * ciphertext ‖ tag, under a NO_PREFIX Tink key of the vector's key bytes. Only groups our key types can express are
 * run (12-byte IV for AES-GCM and ChaCha20-Poly1305, 24-byte for XChaCha20-Poly1305; 16-byte tag; 16/32-byte AES
 * keys); valid vectors must decrypt to the vector's message, invalid ones must be refused.
 */
class AeadWycheproofConformance {

    private static final int KEY_ID = 0x0badcafe;

    @Test
    void aesGcm() throws Exception {
        run("aes_gcm_test.json", 96, new int[] {128, 256}, key -> {
            AesGcmParameters parameters = AesGcmParameters.builder()
                    .setKeySizeBytes(key.length)
                    .setIvSizeBytes(12)
                    .setTagSizeBytes(16)
                    .setVariant(AesGcmParameters.Variant.NO_PREFIX)
                    .build();
            return AesGcmKey.builder()
                    .setParameters(parameters)
                    .setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get()))
                    .build();
        });
    }

    @Test
    void chaCha20Poly1305() throws Exception {
        run("chacha20_poly1305_test.json", 96, new int[] {256},
                key -> ChaCha20Poly1305Key.create(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get())));
    }

    @Test
    void xChaCha20Poly1305() throws Exception {
        run("xchacha20_poly1305_test.json", 192, new int[] {256},
                key -> XChaCha20Poly1305Key.create(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get())));
    }

    @FunctionalInterface
    private interface KeyFactory {
        Key create(byte[] key) throws GeneralSecurityException;
    }

    private static void run(String file, int ivBits, int[] keyBits, KeyFactory keys) throws Exception {
        Wycheproof.Tally tally = new Wycheproof.Tally(file,
                VerificationFailedException.class, InvalidRequestException.class);
        for (JsonObject group : groups(Wycheproof.load(file))) {
            if (group.getInt("ivSize") != ivBits || group.getInt("tagSize") != 128
                    || !contains(keyBits, group.getInt("keySize"))) {
                tally.skip(tests(group).size());
                continue;
            }
            for (JsonObject test : tests(group)) {
                byte[] key = hex(test, "key");
                KeyOperations operations = new AeadOperations(type(file, key.length), keyset(keys.create(key)));
                byte[] nonce = hex(test, "iv");
                byte[] ciphertext = concat(hex(test, "ct"), hex(test, "tag"));
                byte[] aad = hex(test, "aad");
                byte[] message = hex(test, "msg");
                tally.check(test, () -> assertArrayEquals(message, operations.decrypt(ciphertext, nonce, aad),
                        "decrypted to another plaintext"));
            }
        }
        tally.finish();
    }

    /** The webkms type whose nonce length {@link AeadOperations} applies; the key itself comes from the vector. */
    private static KeyType type(String file, int keyLength) {
        if (file.startsWith("aes_gcm")) {
            return keyLength == 16 ? KeyType.AES128GCM : KeyType.AES256GCM_NO_PREFIX;
        }
        return file.startsWith("xchacha") ? KeyType.XCHACHA20POLY1305 : KeyType.CHACHA20POLY1305;
    }

    private static KeysetHandle keyset(Key key) throws GeneralSecurityException {
        return KeysetHandle.newBuilder()
                .addEntry(KeysetHandle.importKey(key).withFixedId(KEY_ID).makePrimary())
                .build();
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }
}
