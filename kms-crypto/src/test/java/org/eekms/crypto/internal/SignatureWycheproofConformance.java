package org.eekms.crypto.internal;

import static org.eekms.crypto.internal.Wycheproof.groups;
import static org.eekms.crypto.internal.Wycheproof.hex;
import static org.eekms.crypto.internal.Wycheproof.tests;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.security.GeneralSecurityException;
import org.eekms.crypto.KeyOperations;
import org.eekms.crypto.KeyType;
import org.eekms.crypto.Keyset;
import org.eekms.crypto.TestData;
import org.eekms.problem.VerificationFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Wycheproof signature-verification vectors through the path the service takes: each group's public key imported
 * in the type's export format ({@link Keyset#importPublicKey}, what {@code PUT …/keys} with {@code public_key}
 * does), then the keyset's operations verifying, as {@code …/verify} does. Valid signatures must verify,
 * invalid ones (BER and other malleable encodings among them) must be refused; acceptable ones are counted.
 */
class SignatureWycheproofConformance {

    @Test
    void ed25519() throws GeneralSecurityException {
        String file = "ed25519_test.json";
        Wycheproof.Tally tally = new Wycheproof.Tally(file, VerificationFailedException.class);
        for (JsonObject group : groups(Wycheproof.load(file))) {
            JsonObject publicKey = group.getJsonObject("publicKey");
            assertEquals("edwards25519", publicKey.getString("curve"), file);
            KeyOperations operations = Keyset.importPublicKey(KeyType.ED25519, hex(publicKey, "pk")).operations();
            for (JsonObject test : tests(group)) {
                byte[] signature = hex(test, "sig");
                byte[] message = hex(test, "msg");
                tally.check(test, () -> operations.verify(signature, message));
            }
        }
        tally.finish();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ecdsa_secp256r1_sha256_test.json,       ECDSAP256DER",
        "ecdsa_secp384r1_sha384_test.json,       ECDSAP384DER",
        "ecdsa_secp521r1_sha512_test.json,       ECDSAP521DER",
        "ecdsa_secp256r1_sha256_p1363_test.json, ECDSAP256IEEEP1363",
        "ecdsa_secp384r1_sha384_p1363_test.json, ECDSAP384IEEEP1363",
        "ecdsa_secp521r1_sha512_p1363_test.json, ECDSAP521IEEEP1363",
    })
    void ecdsa(String file, String wireName) throws GeneralSecurityException {
        KeyType type = KeyType.fromWireName(wireName);
        Wycheproof.Tally tally = new Wycheproof.Tally(file, VerificationFailedException.class);
        for (JsonObject group : groups(Wycheproof.load(file))) {
            JsonObject publicKey = group.getJsonObject("publicKey");
            // the file must be of the type's curve, hash and encoding, or the mapping above is wrong
            assertEquals(TestData.curveName(type), publicKey.getString("curve"), file);
            assertEquals(TestData.jdkSignatureAlgorithm(type).replaceFirst("with.*", "").replace("SHA", "SHA-"),
                    group.getString("sha"), file);
            assertEquals(TestData.isDer(type) ? "EcdsaVerify" : "EcdsaP1363Verify", group.getString("type"), file);

            // the public key in the type's export format, as a client imports it
            byte[] encoded = TestData.isDer(type) ? hex(group, "publicKeyDer") : hex(publicKey, "uncompressed");
            KeyOperations operations = Keyset.importPublicKey(type, encoded).operations();
            for (JsonObject test : tests(group)) {
                byte[] signature = hex(test, "sig");
                byte[] message = hex(test, "msg");
                tally.check(test, () -> operations.verify(signature, message));
            }
        }
        tally.finish();
    }

    /** secp256k1 through the public import the service uses: the uncompressed point as a verify-only key. */
    @Test
    void ecdsaSecp256k1P1363() {
        String file = "ecdsa_secp256k1_sha256_p1363_test.json";
        KeyType type = KeyType.ECDSA_SECP256K1_IEEE_P1363;
        Wycheproof.Tally tally = new Wycheproof.Tally(file, VerificationFailedException.class);
        for (JsonObject group : groups(Wycheproof.load(file))) {
            JsonObject publicKey = group.getJsonObject("publicKey");
            assertEquals("secp256k1", publicKey.getString("curve"), file);
            assertEquals("SHA-256", group.getString("sha"), file);
            assertEquals("EcdsaP1363Verify", group.getString("type"), file);
            KeyOperations operations = Keyset.importPublicKey(type, hex(publicKey, "uncompressed")).operations();
            for (JsonObject test : tests(group)) {
                byte[] signature = hex(test, "sig");
                byte[] message = hex(test, "msg");
                tally.check(test, () -> operations.verify(signature, message));
            }
        }
        tally.finish();
    }
}
