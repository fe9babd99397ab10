package org.eekms.crypto.internal;

import static org.eekms.crypto.TestData.concat;
import static org.eekms.crypto.internal.Wycheproof.groups;
import static org.eekms.crypto.internal.Wycheproof.hex;
import static org.eekms.crypto.internal.Wycheproof.tests;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.mac.HmacKey;
import com.google.crypto.tink.mac.HmacParameters;
import com.google.crypto.tink.util.SecretBytes;
import jakarta.json.JsonObject;
import java.nio.ByteBuffer;
import org.eekms.crypto.KeyOperations;
import org.eekms.crypto.KeyType;
import org.eekms.problem.VerificationFailedException;
import org.junit.jupiter.api.Test;

/**
 * Wycheproof HMAC-SHA256 vectors through {@link MacOperations}. Our MACs carry Tink's output prefix, so each vector
 * key becomes a TINK-prefixed HMAC key with a fixed id and each vector tag is checked as 0x01 ‖ id ‖ tag. Only full
 * 32-byte tags (the HMACSHA256Tag256 type) and keys Tink accepts (at least 16 bytes) are run. Valid vectors must
 * verify and be what {@code computeMac} produces; invalid ones must fail verification.
 */
class MacWycheproofConformance {

    private static final String FILE = "hmac_sha256_test.json";
    private static final int KEY_ID = 0x0badcafe;
    private static final byte[] PREFIX = ByteBuffer.allocate(5).put((byte) 0x01).putInt(KEY_ID).array();

    @Test
    void hmacSha256() throws Exception {
        Wycheproof.Tally tally = new Wycheproof.Tally(FILE, VerificationFailedException.class);
        for (JsonObject group : groups(Wycheproof.load(FILE))) {
            if (group.getInt("tagSize") != 256 || group.getInt("keySize") < 128) {
                tally.skip(tests(group).size());
                continue;
            }
            for (JsonObject test : tests(group)) {
                KeyOperations operations = new MacOperations(KeyType.HMACSHA256_TAG256, keyset(hex(test, "key")));
                byte[] data = hex(test, "msg");
                byte[] tag = concat(PREFIX, hex(test, "tag"));
                boolean valid = test.getString("result").equals("valid");
                tally.check(test, () -> {
                    operations.verifyMac(tag, data);
                    if (valid) {
                        assertArrayEquals(tag, operations.computeMac(data), "computeMac gives another tag");
                    }
                });
            }
        }
        tally.finish();
    }

    private static KeysetHandle keyset(byte[] key) throws Exception {
        HmacParameters parameters = HmacParameters.builder()
                .setKeySizeBytes(key.length)
                .setTagSizeBytes(32)
                .setHashType(HmacParameters.HashType.SHA256)
                .setVariant(HmacParameters.Variant.TINK)
                .build();
        HmacKey hmac = HmacKey.builder()
                .setParameters(parameters)
                .setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get()))
                .setIdRequirement(KEY_ID)
                .build();
        return KeysetHandle.newBuilder().addEntry(KeysetHandle.importKey(hmac).makePrimary()).build();
    }
}
