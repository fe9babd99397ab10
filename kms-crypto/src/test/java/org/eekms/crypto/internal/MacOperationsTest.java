package org.eekms.crypto.internal;

import static org.eekms.crypto.TestData.concat;
import static org.eekms.crypto.TestData.hex;
import static org.eekms.crypto.TestData.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.mac.HmacKey;
import com.google.crypto.tink.mac.HmacParameters;
import com.google.crypto.tink.util.SecretBytes;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eekms.crypto.KeyType;
import org.eekms.problem.VerificationFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * HMAC-SHA256 known answers (RFC 4231) through our TINK-prefixed MAC: mac = 0x01 ‖ 4-byte key id ‖ HMAC.
 * RFC 4231 test case 2 is not among them: its 4-byte key "Jefe" is below Tink's 16-byte minimum for HMAC keys.
 */
class MacOperationsTest {

    record HmacVector(String name, String key, String data, String hmacSha256) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<HmacVector> RFC4231 = List.of(
            new HmacVector("test case 1", "0b".repeat(20), hex(utf8("Hi There")),
                    "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
            new HmacVector("test case 3", "aa".repeat(20), "dd".repeat(50),
                    "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
            new HmacVector("test case 4", "0102030405060708090a0b0c0d0e0f10111213141516171819", "cd".repeat(50),
                    "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
            new HmacVector("test case 6", "aa".repeat(131),
                    hex(utf8("Test Using Larger Than Block-Size Key - Hash Key First")),
                    "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"));

    private static final int KEY_ID = 0x01020304;
    private static final byte[] PREFIX = hex("0101020304");

    @ParameterizedTest
    @FieldSource("RFC4231")
    void computesPrefixedRfc4231Macs(HmacVector vector) throws Exception {
        MacOperations operations = new MacOperations(KeyType.HMACSHA256_TAG256, keyset(hex(vector.key()), KEY_ID));
        byte[] mac = operations.computeMac(hex(vector.data()));
        assertEquals("01" + "01020304" + vector.hmacSha256(), hex(mac));
    }

    @ParameterizedTest
    @FieldSource("RFC4231")
    void verifiesPrefixedRfc4231Macs(HmacVector vector) throws Exception {
        MacOperations operations = new MacOperations(KeyType.HMACSHA256_TAG256, keyset(hex(vector.key()), KEY_ID));
        byte[] data = hex(vector.data());
        byte[] expected = hex(vector.hmacSha256());
        operations.verifyMac(concat(PREFIX, expected), data);

        assertThrows(VerificationFailedException.class, () -> operations.verifyMac(expected, data),
                "the bare HMAC lacks the key prefix");
        assertThrows(VerificationFailedException.class,
                () -> operations.verifyMac(concat(hex("0101020305"), expected), data), "another key id");
        assertThrows(VerificationFailedException.class,
                () -> operations.verifyMac(concat(PREFIX, Arrays.copyOf(expected, 16)), data), "truncated HMAC");
    }

    /** A production-sized (32-byte) key agrees with the JDK's HmacSHA256. */
    @Test
    void agreesWithJcaHmacSha256() throws Exception {
        byte[] key = hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        byte[] data = utf8("{\"data\":\"webkms\"}");
        Mac jca = Mac.getInstance("HmacSHA256");
        jca.init(new SecretKeySpec(key, "HmacSHA256"));
        MacOperations operations = new MacOperations(KeyType.HMACSHA256_TAG256, keyset(key, KEY_ID));
        assertArrayEquals(concat(PREFIX, jca.doFinal(data)), operations.computeMac(data));
    }

    @Test
    void olderVersionsVerifyAndThePrimaryComputes() throws Exception {
        HmacVector older = RFC4231.get(0);
        HmacVector primary = RFC4231.get(2);
        KeysetHandle handle = KeysetHandle.newBuilder()
                .addEntry(KeysetHandle.importKey(key(hex(older.key()), 7)))
                .addEntry(KeysetHandle.importKey(key(hex(primary.key()), 8)).makePrimary())
                .build();
        MacOperations operations = new MacOperations(KeyType.HMACSHA256_TAG256, handle);

        operations.verifyMac(concat(hex("0100000007"), hex(older.hmacSha256())), hex(older.data()));
        assertEquals("0100000008" + primary.hmacSha256(), hex(operations.computeMac(hex(primary.data()))));
    }

    private static HmacKey key(byte[] key, int id) throws GeneralSecurityException {
        HmacParameters parameters = HmacParameters.builder()
                .setKeySizeBytes(key.length)
                .setTagSizeBytes(32)
                .setHashType(HmacParameters.HashType.SHA256)
                .setVariant(HmacParameters.Variant.TINK)
                .build();
        return HmacKey.builder()
                .setParameters(parameters)
                .setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get()))
                .setIdRequirement(id)
                .build();
    }

    private static KeysetHandle keyset(byte[] key, int id) throws GeneralSecurityException {
        return KeysetHandle.newBuilder().addEntry(KeysetHandle.importKey(key(key, id)).makePrimary()).build();
    }
}
