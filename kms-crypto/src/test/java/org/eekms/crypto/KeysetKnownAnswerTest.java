package org.eekms.crypto;

import static org.eekms.crypto.TestData.base64url;
import static org.eekms.crypto.TestData.ed25519Pkcs8;
import static org.eekms.crypto.TestData.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eekms.crypto.TestData.Rfc8032Vector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Published known answers for what the keyset computes itself: Ed25519 signatures and key ids. */
class KeysetKnownAnswerTest {

    static final java.util.List<Rfc8032Vector> VECTORS = TestData.RFC8032;

    /** RFC 8032 §7.1: Ed25519 is deterministic, so the signature of an imported key is known in advance. */
    @ParameterizedTest
    @FieldSource("VECTORS")
    void rfc8032SignaturesOfImportedKeys(Rfc8032Vector vector) {
        Keyset keyset = Keyset.importPrivateKey(KeyType.ED25519, ed25519Pkcs8(hex(vector.secretKey())));
        byte[] message = hex(vector.message());

        assertEquals(vector.signature(), hex(keyset.operations().sign(message)));
        assertEquals(vector.publicKey(), hex(keyset.publicKey().orElseThrow()));
        keyset.operations().verify(hex(vector.signature()), message);
    }

    @ParameterizedTest
    @FieldSource("VECTORS")
    void rfc8032KeyIdIsTheThumbprintOfThePublicKey(Rfc8032Vector vector) {
        Keyset keyset = Keyset.importPrivateKey(KeyType.ED25519, ed25519Pkcs8(hex(vector.secretKey())));
        assertEquals(TestData.ed25519Thumbprint(hex(vector.publicKey())), keyset.thumbprint().orElseThrow());
    }

    /** RFC 8037 Appendix A.3 uses the key of RFC 8032 TEST 1 (A.1, A.2) and gives its RFC 7638 thumbprint. */
    @Test
    void rfc8037ThumbprintOfTest1Key() {
        Keyset keyset = Keyset.importPrivateKey(KeyType.ED25519,
                ed25519Pkcs8(hex(TestData.RFC8032_TEST_1.secretKey())));
        assertEquals("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", base64url(keyset.publicKey().orElseThrow()));
        assertEquals("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k", keyset.thumbprint().orElseThrow());
    }

    /** Importing the same key twice gives the same key id, which is how a client recomputes it (§4.3). */
    @Test
    void thumbprintDependsOnlyOnTheKey() {
        byte[] pkcs8 = ed25519Pkcs8(hex(TestData.RFC8032_TEST_1.secretKey()));
        Keyset first = Keyset.importPrivateKey(KeyType.ED25519, pkcs8);
        Keyset second = Keyset.importPrivateKey(KeyType.ED25519, pkcs8.clone());
        assertEquals(first.thumbprint(), second.thumbprint());
        assertArrayEquals(first.operations().sign(new byte[0]), second.operations().sign(new byte[0]));
    }
}
