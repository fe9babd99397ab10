package org.eekms.crypto;

import static org.eekms.crypto.TestData.jdkPublicKey;
import static org.eekms.crypto.TestData.jdkSign;
import static org.eekms.crypto.TestData.jdkVerify;
import static org.eekms.crypto.TestData.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import org.eekms.problem.VerificationFailedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Signatures checked by a second implementation, the JDK's: what the keyset signs verifies under the JDK with the
 * exported public key, and what the JDK signs with a key it generated verifies under the keyset that imported it.
 */
class KeysetInteropTest {

    private static final byte[] MESSAGE = utf8("{\"@context\":\"https://www.w3.org/2018/credentials/v1\"}");

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#signatureTypes")
    void jdkVerifiesWhatTheKeysetSigns(KeyType type) {
        Keyset keyset = Keyset.generate(type);
        PublicKey publicKey = jdkPublicKey(type, keyset.publicKey().orElseThrow());
        byte[] signature = keyset.operations().sign(MESSAGE);

        assertTrue(jdkVerify(type, publicKey, signature, MESSAGE));
        assertFalse(jdkVerify(type, publicKey, signature, utf8("another message")));
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#signatureTypes")
    void keysetVerifiesWhatTheJdkSignsWithTheImportedKey(KeyType type) {
        KeyPair pair = TestData.jdkKeyPair(type);
        Keyset keyset = Keyset.importPrivateKey(type, pair.getPrivate().getEncoded());
        byte[] signature = jdkSign(type, pair.getPrivate(), MESSAGE);

        keyset.operations().verify(signature, MESSAGE);
        assertThrows(VerificationFailedException.class,
                () -> keyset.operations().verify(signature, utf8("another message")));
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#signatureTypes")
    void importedKeySignsWhatTheJdkVerifiesWithItsOwnPublicKey(KeyType type) {
        KeyPair pair = TestData.jdkKeyPair(type);
        Keyset keyset = Keyset.importPrivateKey(type, pair.getPrivate().getEncoded());
        assertTrue(jdkVerify(type, pair.getPublic(), keyset.operations().sign(MESSAGE), MESSAGE));
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#signatureTypes")
    void importedKeyExportsTheJdksPublicKey(KeyType type) {
        KeyPair pair = TestData.jdkKeyPair(type);
        byte[] exported = Keyset.importPrivateKey(type, pair.getPrivate().getEncoded()).publicKey().orElseThrow();
        if (type == KeyType.ED25519) {
            assertArrayEquals(TestData.rawEd25519(pair.getPublic()), exported);
        } else if (TestData.isDer(type)) {
            assertArrayEquals(pair.getPublic().getEncoded(), exported);
        } else {
            ECPublicKey expected = (ECPublicKey) pair.getPublic();
            assertEquals(expected.getW(), ((ECPublicKey) jdkPublicKey(type, exported)).getW());
        }
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#ecdsaTypes")
    void ecdsaThumbprintIsTheRfc7638ThumbprintOfTheJwk(KeyType type) {
        KeyPair pair = TestData.jdkKeyPair(type);
        Keyset imported = Keyset.importPrivateKey(type, pair.getPrivate().getEncoded());
        assertEquals(TestData.ecThumbprint(type, (ECPublicKey) pair.getPublic()), imported.thumbprint().orElseThrow());

        Keyset generated = Keyset.generate(type);
        ECPublicKey exported = (ECPublicKey) jdkPublicKey(type, generated.publicKey().orElseThrow());
        assertEquals(TestData.ecThumbprint(type, exported), generated.thumbprint().orElseThrow());
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#signatureTypes")
    void sameKeyImportedTwiceHasTheSameThumbprint(KeyType type) {
        byte[] pkcs8 = TestData.jdkKeyPair(type).getPrivate().getEncoded();
        assertEquals(Keyset.importPrivateKey(type, pkcs8).thumbprint(), Keyset.importPrivateKey(type, pkcs8).thumbprint());
    }

    /** DER and IEEE P1363 are different encodings: a signature in one does not verify as the other. */
    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#ecdsaTypes")
    void signatureInTheOtherEncodingDoesNotVerify(KeyType type) {
        KeyPair pair = TestData.jdkKeyPair(type);
        Keyset keyset = Keyset.importPrivateKey(type, pair.getPrivate().getEncoded());
        KeyType otherEncoding = TestData.ecdsaTypes()
                .filter(t -> TestData.curveName(t).equals(TestData.curveName(type)) && t != type)
                .findFirst().orElseThrow();
        byte[] signature = jdkSign(otherEncoding, pair.getPrivate(), MESSAGE);
        assertThrows(VerificationFailedException.class, () -> keyset.operations().verify(signature, MESSAGE));
    }
}
