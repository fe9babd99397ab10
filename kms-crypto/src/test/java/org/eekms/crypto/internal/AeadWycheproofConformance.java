package org.eekms.crypto.internal;

import static org.eekms.crypto.TestData.concat;
import static org.eekms.crypto.internal.Wycheproof.groups;
import static org.eekms.crypto.internal.Wycheproof.hex;
import static org.eekms.crypto.internal.Wycheproof.tests;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import jakarta.json.JsonObject;
import org.eekms.crypto.KeyOperations;
import org.eekms.crypto.KeyType;
import org.eekms.crypto.Keyset;
import org.eekms.problem.InvalidRequestException;
import org.eekms.problem.VerificationFailedException;
import org.junit.jupiter.api.Test;

/**
 * Wycheproof AEAD vectors decrypted along the service's path: the vector's key imported as a raw key
 * ({@link Keyset#importSymmetricKey}, what {@code PUT …/keys} with {@code key} does), then decrypted as
 * {@code …/decrypt} receives it: the nonce apart, ciphertext ‖ tag, no Tink prefix. Only groups our key types can express are
 * run (12-byte IV for AES-GCM and ChaCha20-Poly1305, 24-byte for XChaCha20-Poly1305; 16-byte tag; 16/32-byte AES
 * keys); valid vectors must decrypt to the vector's message, invalid ones must be refused.
 */
class AeadWycheproofConformance {

    @Test
    void aesGcm() {
        run("aes_gcm_test.json", 96, new int[] {128, 256});
    }

    @Test
    void chaCha20Poly1305() {
        run("chacha20_poly1305_test.json", 96, new int[] {256});
    }

    @Test
    void xChaCha20Poly1305() {
        run("xchacha20_poly1305_test.json", 192, new int[] {256});
    }

    private static void run(String file, int ivBits, int[] keyBits) {
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
                KeyOperations operations = Keyset.importSymmetricKey(type(file, key.length), key).operations();
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

    /** The webkms type of the vector's key length and nonce length. */
    private static KeyType type(String file, int keyLength) {
        if (file.startsWith("aes_gcm")) {
            return keyLength == 16 ? KeyType.AES128GCM : KeyType.AES256GCM_NO_PREFIX;
        }
        return file.startsWith("xchacha") ? KeyType.XCHACHA20POLY1305 : KeyType.CHACHA20POLY1305;
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
