package org.eekms.crypto.internal;

import static org.eekms.crypto.TestData.concat;
import static org.eekms.crypto.TestData.flip;
import static org.eekms.crypto.TestData.hex;
import static org.eekms.crypto.TestData.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.aead.ChaCha20Poly1305Key;
import com.google.crypto.tink.aead.ChaCha20Poly1305Parameters;
import com.google.crypto.tink.aead.XChaCha20Poly1305Key;
import com.google.crypto.tink.aead.XChaCha20Poly1305Parameters;
import com.google.crypto.tink.util.SecretBytes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eekms.crypto.Ciphertext;
import org.eekms.crypto.KeyType;
import org.eekms.problem.VerificationFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * AEAD known answers through our wire shaping: keysets holding published test keys, decrypting the published
 * (nonce, ciphertext ‖ tag) as the webkms API receives them, and our encryptions decrypted by the JDK.
 */
class AeadOperationsTest {

    private static final int TINK_KEY_ID = 0x0badcafe;

    /** A published AES-GCM vector (McGrew & Viega, "The Galois/Counter Mode of Operation", appendix B). */
    record GcmVector(String name, String key, String iv, String aad, String plaintext, String ciphertext, String tag) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<GcmVector> AES256_VECTORS = List.of(
            new GcmVector("test case 13", "00".repeat(32), "00".repeat(12), "", "", "",
                    "530f8afbc74536b9a963b4f1c4cb738b"),
            new GcmVector("test case 14", "00".repeat(32), "00".repeat(12), "", "00".repeat(16),
                    "cea7403d4d606b6e074ec5d3baf39d18", "d0d1c8a799996bf0265b98b5d48ab919"),
            new GcmVector("test case 15",
                    "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
                    "cafebabefacedbaddecaf888", "",
                    "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                            + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255",
                    "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                            + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad",
                    "b094dac5d93471bdec1a502270e3cc6c"),
            new GcmVector("test case 16",
                    "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
                    "cafebabefacedbaddecaf888", "feedfacedeadbeeffeedfacedeadbeefabaddad2",
                    "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                            + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
                    "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                            + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
                    "76fc6ece0f4e1768cddf8853bb2d551b"));

    static final List<GcmVector> AES128_VECTORS = List.of(
            new GcmVector("test case 2", "00".repeat(16), "00".repeat(12), "", "00".repeat(16),
                    "0388dace60b6a392f328c2b971b2fe78", "ab6e47d42cec13bdf53a67b21257bddf"),
            new GcmVector("test case 4", "feffe9928665731c6d6a8f9467308308",
                    "cafebabefacedbaddecaf888", "feedfacedeadbeeffeedfacedeadbeefabaddad2",
                    "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                            + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
                    "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
                            + "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091",
                    "5bc94fbc3221a5db94fae95ae7121a47"));

    // RFC 8439 §2.8.2 and draft-irtf-cfrg-xchacha-03 §A.3.1 share key, associated data and plaintext.
    private static final byte[] SUNSCREEN_KEY = hex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
    private static final byte[] SUNSCREEN_AAD = hex("50515253c0c1c2c3c4c5c6c7");
    private static final byte[] SUNSCREEN = utf8("Ladies and Gentlemen of the class of '99: If I could offer you only "
            + "one tip for the future, sunscreen would be it.");

    private static final byte[] CHACHA_NONCE = hex("070000004041424344454647");
    private static final byte[] CHACHA_CIPHERTEXT = hex(
            "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca9671282fafb69da92728b"
            + "1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
            + "3ff4def08e4b7a9de576d26586cec64b6116");
    private static final byte[] CHACHA_TAG = hex("1ae10b594f09e26a7e902ecbd0600691");

    private static final byte[] XCHACHA_NONCE = hex("404142434445464748494a4b4c4d4e4f5051525354555657");
    private static final byte[] XCHACHA_CIPHERTEXT = hex(
            "bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb731c7f1b0b4aa6440bf3a82f4eda7e39"
            + "ae64c6708c54c216cb96b72e1213b4522f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9"
            + "21f9664c97637da9768812f615c68b13b52e");
    private static final byte[] XCHACHA_TAG = hex("c0875924c1c7987947deafd8780acf49");

    private static final byte[] MESSAGE = utf8("attack at dawn");
    private static final byte[] AAD = utf8("aad");

    // ---- AES-GCM

    @ParameterizedTest
    @FieldSource("AES256_VECTORS")
    void aes256GcmDecryptsTheSpecVectors(GcmVector vector) throws Exception {
        for (KeyType type : new KeyType[] {KeyType.AES256GCM, KeyType.AES256GCM_NO_PREFIX}) {
            AeadOperations operations = new AeadOperations(type, aesGcmKeyset(type, hex(vector.key())));
            assertArrayEquals(hex(vector.plaintext()), decrypt(operations, vector), type.wireName());
        }
    }

    @ParameterizedTest
    @FieldSource("AES128_VECTORS")
    void aes128GcmDecryptsTheSpecVectors(GcmVector vector) throws Exception {
        AeadOperations operations = new AeadOperations(KeyType.AES128GCM,
                aesGcmKeyset(KeyType.AES128GCM, hex(vector.key())));
        assertArrayEquals(hex(vector.plaintext()), decrypt(operations, vector));
    }

    @ParameterizedTest
    @FieldSource("AES256_VECTORS")
    void aesGcmSpecVectorsFailWithAnotherAadOrTag(GcmVector vector) throws Exception {
        AeadOperations operations = new AeadOperations(KeyType.AES256GCM,
                aesGcmKeyset(KeyType.AES256GCM, hex(vector.key())));
        byte[] ciphertext = concat(hex(vector.ciphertext()), hex(vector.tag()));
        assertThrows(VerificationFailedException.class,
                () -> operations.decrypt(ciphertext, hex(vector.iv()), utf8("not the aad")));
        assertThrows(VerificationFailedException.class,
                () -> operations.decrypt(flip(ciphertext, -1), hex(vector.iv()),
                        hex(vector.aad())));
    }

    @Test
    void aesGcmEncryptionsDecryptWithJca() throws Exception {
        for (KeyType type : new KeyType[] {KeyType.AES128GCM, KeyType.AES256GCM, KeyType.AES256GCM_NO_PREFIX}) {
            byte[] key = hex(type == KeyType.AES128GCM ? AES128_VECTORS.get(1).key() : AES256_VECTORS.get(3).key());
            AeadOperations operations = new AeadOperations(type, aesGcmKeyset(type, key));
            Ciphertext ciphertext = operations.encrypt(MESSAGE, AAD);

            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(128, ciphertext.nonce()));
            cipher.updateAAD(AAD);
            assertArrayEquals(MESSAGE, cipher.doFinal(ciphertext.ciphertext()), type.wireName());
        }
    }

    @Test
    void everyVersionIsTriedAndThePrimaryEncrypts() throws Exception {
        GcmVector vector = AES256_VECTORS.get(3);
        byte[] oldKey = hex(vector.key());
        byte[] newKey = hex("00".repeat(32));
        KeysetHandle handle = KeysetHandle.newBuilder()
                .addEntry(KeysetHandle.importKey(aesGcmKey(KeyType.AES256GCM, oldKey, 1)))
                .addEntry(KeysetHandle.importKey(aesGcmKey(KeyType.AES256GCM, newKey, 2)).makePrimary())
                .build();
        AeadOperations operations = new AeadOperations(KeyType.AES256GCM, handle);

        assertArrayEquals(hex(vector.plaintext()), decrypt(operations, vector), "made under the older version");

        Ciphertext ciphertext = operations.encrypt(MESSAGE, AAD);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(newKey, "AES"), new GCMParameterSpec(128, ciphertext.nonce()));
        cipher.updateAAD(AAD);
        assertArrayEquals(MESSAGE, cipher.doFinal(ciphertext.ciphertext()), "encrypted under the primary");
    }

    // ---- ChaCha20-Poly1305

    @Test
    void chaCha20Poly1305DecryptsTheRfc8439Vector() throws Exception {
        AeadOperations operations = new AeadOperations(KeyType.CHACHA20POLY1305, chaChaKeyset(SUNSCREEN_KEY));
        assertArrayEquals(SUNSCREEN,
                operations.decrypt(concat(CHACHA_CIPHERTEXT, CHACHA_TAG), CHACHA_NONCE, SUNSCREEN_AAD));
        assertThrows(VerificationFailedException.class,
                () -> operations.decrypt(concat(CHACHA_CIPHERTEXT, CHACHA_TAG), CHACHA_NONCE, null));
    }

    @Test
    void chaCha20Poly1305EncryptionsDecryptWithJca() throws Exception {
        AeadOperations operations = new AeadOperations(KeyType.CHACHA20POLY1305, chaChaKeyset(SUNSCREEN_KEY));
        Ciphertext ciphertext = operations.encrypt(SUNSCREEN, SUNSCREEN_AAD);
        assertEquals(12, ciphertext.nonce().length);
        assertArrayEquals(SUNSCREEN, jcaChaCha20Poly1305Decrypt(SUNSCREEN_KEY, ciphertext.nonce(),
                ciphertext.ciphertext(), SUNSCREEN_AAD));
    }

    // ---- XChaCha20-Poly1305

    @Test
    void xChaCha20Poly1305DecryptsTheDraftVector() throws Exception {
        AeadOperations operations = new AeadOperations(KeyType.XCHACHA20POLY1305, xChaChaKeyset(SUNSCREEN_KEY));
        assertArrayEquals(SUNSCREEN,
                operations.decrypt(concat(XCHACHA_CIPHERTEXT, XCHACHA_TAG), XCHACHA_NONCE, SUNSCREEN_AAD));
    }

    /** draft-irtf-cfrg-xchacha-03 §2.2.1, so that the HChaCha20 below can be trusted as a reference. */
    @Test
    void hChaCha20ReferenceMatchesTheDraft() {
        byte[] key = new byte[32];
        for (int i = 0; i < 32; i++) {
            key[i] = (byte) i;
        }
        assertEquals("82413b4227b27bfed30e42508a877d73a0f9e4d58a74a853c12ec41326d3ecdc",
                hex(hChaCha20(key, hex("000000090000004a0000000031415927"))));
    }

    /** XChaCha20-Poly1305 = ChaCha20-Poly1305 under HChaCha20(key, nonce[0..16]) with nonce 0⁴ ‖ nonce[16..24]. */
    @Test
    void xChaCha20Poly1305EncryptionsDecryptWithJcaThroughHChaCha20() throws Exception {
        AeadOperations operations = new AeadOperations(KeyType.XCHACHA20POLY1305, xChaChaKeyset(SUNSCREEN_KEY));
        Ciphertext ciphertext = operations.encrypt(SUNSCREEN, SUNSCREEN_AAD);
        byte[] nonce = ciphertext.nonce();
        assertEquals(24, nonce.length);

        byte[] subkey = hChaCha20(SUNSCREEN_KEY, Arrays.copyOf(nonce, 16));
        byte[] chachaNonce = concat(new byte[4], Arrays.copyOfRange(nonce, 16, 24));
        assertArrayEquals(SUNSCREEN, jcaChaCha20Poly1305Decrypt(subkey, chachaNonce, ciphertext.ciphertext(),
                SUNSCREEN_AAD));

        // and the reference reproduces the published vector, so it is the right construction
        byte[] vectorSubkey = hChaCha20(SUNSCREEN_KEY, Arrays.copyOf(XCHACHA_NONCE, 16));
        byte[] vectorNonce = concat(new byte[4], Arrays.copyOfRange(XCHACHA_NONCE, 16, 24));
        assertArrayEquals(SUNSCREEN, jcaChaCha20Poly1305Decrypt(vectorSubkey, vectorNonce,
                concat(XCHACHA_CIPHERTEXT, XCHACHA_TAG), SUNSCREEN_AAD));
    }

    // ---- helpers

    private static byte[] decrypt(AeadOperations operations, GcmVector vector) {
        return operations.decrypt(concat(hex(vector.ciphertext()), hex(vector.tag())), hex(vector.iv()),
                vector.aad().isEmpty() ? null : hex(vector.aad()));
    }

    private static AesGcmKey aesGcmKey(KeyType type, byte[] key, Integer id) throws GeneralSecurityException {
        boolean tink = type != KeyType.AES256GCM_NO_PREFIX;
        AesGcmParameters parameters = AesGcmParameters.builder()
                .setKeySizeBytes(key.length)
                .setIvSizeBytes(12)
                .setTagSizeBytes(16)
                .setVariant(tink ? AesGcmParameters.Variant.TINK : AesGcmParameters.Variant.NO_PREFIX)
                .build();
        return AesGcmKey.builder()
                .setParameters(parameters)
                .setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get()))
                .setIdRequirement(tink ? id : null)
                .build();
    }

    private static KeysetHandle aesGcmKeyset(KeyType type, byte[] key) throws GeneralSecurityException {
        AesGcmKey aesGcmKey = aesGcmKey(type, key, TINK_KEY_ID);
        KeysetHandle.Builder.Entry entry = KeysetHandle.importKey(aesGcmKey);
        if (aesGcmKey.getIdRequirementOrNull() == null) {
            entry.withFixedId(TINK_KEY_ID);
        }
        return KeysetHandle.newBuilder().addEntry(entry.makePrimary()).build();
    }

    private static KeysetHandle chaChaKeyset(byte[] key) throws GeneralSecurityException {
        ChaCha20Poly1305Key chaCha = ChaCha20Poly1305Key.create(ChaCha20Poly1305Parameters.Variant.TINK,
                SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get()), TINK_KEY_ID);
        return KeysetHandle.newBuilder().addEntry(KeysetHandle.importKey(chaCha).makePrimary()).build();
    }

    private static KeysetHandle xChaChaKeyset(byte[] key) throws GeneralSecurityException {
        XChaCha20Poly1305Key xChaCha = XChaCha20Poly1305Key.create(XChaCha20Poly1305Parameters.Variant.TINK,
                SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get()), TINK_KEY_ID);
        return KeysetHandle.newBuilder().addEntry(KeysetHandle.importKey(xChaCha).makePrimary()).build();
    }

    private static byte[] jcaChaCha20Poly1305Decrypt(byte[] key, byte[] nonce, byte[] ciphertext, byte[] aad)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
        cipher.updateAAD(aad);
        return cipher.doFinal(ciphertext);
    }

    /** HChaCha20 (draft-irtf-cfrg-xchacha §2.2), written out here as an independent reference. */
    static byte[] hChaCha20(byte[] key, byte[] nonce16) {
        ByteBuffer k = ByteBuffer.wrap(key).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer n = ByteBuffer.wrap(nonce16).order(ByteOrder.LITTLE_ENDIAN);
        int[] s = new int[16];
        s[0] = 0x61707865;
        s[1] = 0x3320646e;
        s[2] = 0x79622d32;
        s[3] = 0x6b206574;
        for (int i = 0; i < 8; i++) {
            s[4 + i] = k.getInt(4 * i);
        }
        for (int i = 0; i < 4; i++) {
            s[12 + i] = n.getInt(4 * i);
        }
        for (int round = 0; round < 10; round++) {
            quarterRound(s, 0, 4, 8, 12);
            quarterRound(s, 1, 5, 9, 13);
            quarterRound(s, 2, 6, 10, 14);
            quarterRound(s, 3, 7, 11, 15);
            quarterRound(s, 0, 5, 10, 15);
            quarterRound(s, 1, 6, 11, 12);
            quarterRound(s, 2, 7, 8, 13);
            quarterRound(s, 3, 4, 9, 14);
        }
        ByteBuffer out = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        for (int i : new int[] {0, 1, 2, 3, 12, 13, 14, 15}) {
            out.putInt(s[i]);
        }
        return out.array();
    }

    private static void quarterRound(int[] s, int a, int b, int c, int d) {
        s[a] += s[b];
        s[d] = Integer.rotateLeft(s[d] ^ s[a], 16);
        s[c] += s[d];
        s[b] = Integer.rotateLeft(s[b] ^ s[c], 12);
        s[a] += s[b];
        s[d] = Integer.rotateLeft(s[d] ^ s[a], 8);
        s[c] += s[d];
        s[b] = Integer.rotateLeft(s[b] ^ s[c], 7);
    }
}
