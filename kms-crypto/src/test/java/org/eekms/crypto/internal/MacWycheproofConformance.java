package org.eekms.crypto.internal;

import static org.eekms.crypto.TestData.concat;
import static org.eekms.crypto.internal.Wycheproof.groups;
import static org.eekms.crypto.internal.Wycheproof.hex;
import static org.eekms.crypto.internal.Wycheproof.tests;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import jakarta.json.JsonObject;
import java.util.Arrays;
import org.eekms.crypto.KeyOperations;
import org.eekms.crypto.KeyType;
import org.eekms.crypto.Keyset;
import org.eekms.problem.VerificationFailedException;
import org.junit.jupiter.api.Test;

/**
 * Wycheproof HMAC-SHA256 vectors along the service's path: each vector key imported as a raw HMACSHA256Tag256 key
 * ({@link Keyset#importSymmetricKey}), each vector tag checked behind the key's Tink prefix (0x01 ‖ key id). Only
 * full 32-byte tags and the key sizes raw import takes (32 to 64 bytes) are run. Valid vectors must
 * verify and be what {@code computeMac} produces; invalid ones must fail verification.
 */
class MacWycheproofConformance {

    private static final String FILE = "hmac_sha256_test.json";

    @Test
    void hmacSha256() throws Exception {
        Wycheproof.Tally tally = new Wycheproof.Tally(FILE, VerificationFailedException.class);
        for (JsonObject group : groups(Wycheproof.load(FILE))) {
            // raw HMAC keys are imported at 32 to 64 bytes (the tag's strength, one SHA-256 block)
            if (group.getInt("tagSize") != 256 || group.getInt("keySize") < 256 || group.getInt("keySize") > 512) {
                tally.skip(tests(group).size());
                continue;
            }
            for (JsonObject test : tests(group)) {
                KeyOperations operations = Keyset.importSymmetricKey(KeyType.HMACSHA256_TAG256, hex(test, "key"))
                        .operations();
                byte[] data = hex(test, "msg");
                // the imported key's Tink prefix (0x01 ‖ its random key id), as every MAC of it starts
                byte[] prefix = Arrays.copyOf(operations.computeMac(new byte[0]), 5);
                byte[] tag = concat(prefix, hex(test, "tag"));
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
}
