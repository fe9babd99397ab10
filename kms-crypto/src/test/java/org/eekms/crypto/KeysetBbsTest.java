package org.eekms.crypto;

import static org.eekms.crypto.TestData.flip;
import static org.eekms.crypto.TestData.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.eekms.crypto.internal.bbs.GoVectors;
import org.eekms.problem.InvalidRequestException;
import org.eekms.problem.KmsException;
import org.eekms.problem.VerificationFailedException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** BLS12381G2 keysets: BBS+ signatures and proofs through {@link KeyOperations}, with every way they must fail. */
class KeysetBbsTest {

    private static final List<byte[]> MESSAGES = List.of(utf8("name: Alice"), utf8("born: 1990-01-01"),
            utf8("degree: BSc"), utf8("issuer: did:example:university"), new byte[0]);
    private static final byte[] NONCE = utf8("verifier nonce 42");

    private static Keyset keyset;
    private static KeyOperations operations;
    private static byte[] signature;

    @BeforeAll
    static void sign() {
        keyset = Keyset.generate(KeyType.BLS12381G2);
        operations = keyset.operations();
        signature = operations.signMulti(MESSAGES);
    }

    @Test
    void exportsTheCompressedG2KeyUnderAfgosKeyId() throws Exception {
        byte[] publicKey = keyset.publicKey().orElseThrow();
        assertEquals(96, publicKey.length);
        assertEquals(0x80, publicKey[0] & 0x80, "compression flag");
        String jwk = "{\"crv\":\"Bls12381g2\",\"kty\":\"OKP\",\"x\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(publicKey) + "\"}";
        String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(jwk.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, keyset.thumbprint().orElseThrow());
        assertEquals(43, expected.length());
    }

    @Test
    void signsInAfgosEncodingAndVerifies() {
        assertEquals(112, signature.length);
        operations.verifyMulti(signature, MESSAGES);
        assertFalse(Arrays.equals(signature, operations.signMulti(MESSAGES)), "e and s are random");
        operations.verifyMulti(operations.signMulti(List.of(new byte[0])), List.of(new byte[0]));
    }

    @Test
    void signatureFailsForChangedMessagesOrOrder() {
        List<byte[]> changed = new ArrayList<>(MESSAGES);
        changed.set(2, utf8("degree: PhD"));
        assertSignatureFails(() -> operations.verifyMulti(signature, changed));
        List<byte[]> swapped = new ArrayList<>(MESSAGES);
        swapped.set(0, MESSAGES.get(1));
        swapped.set(1, MESSAGES.get(0));
        assertSignatureFails(() -> operations.verifyMulti(signature, swapped));
        assertSignatureFails(() -> operations.verifyMulti(signature, MESSAGES.subList(0, 4)));
    }

    @Test
    void tamperedSignatureFailsEverywhere() {
        for (int i = 0; i < signature.length; i += 7) {
            byte[] tampered = flip(signature, i);
            assertSignatureFails(() -> operations.verifyMulti(tampered, MESSAGES));
            assertSignatureFails(() -> operations.deriveProof(MESSAGES, tampered, NONCE, List.of(0)));
        }
        for (byte[] malformed : List.of(new byte[0], new byte[112], Arrays.copyOf(signature, 111),
                Arrays.copyOf(signature, 113))) {
            assertSignatureFails(() -> operations.verifyMulti(malformed, MESSAGES));
            assertSignatureFails(() -> operations.deriveProof(MESSAGES, malformed, NONCE, List.of(0)));
        }
        assertSignatureFails(() -> operations.verifyMulti(null, MESSAGES));
    }

    @Test
    void signatureOfAnotherKeyFails() {
        KeyOperations other = Keyset.generate(KeyType.BLS12381G2).operations();
        assertSignatureFails(() -> other.verifyMulti(signature, MESSAGES));
        assertSignatureFails(() -> other.deriveProof(MESSAGES, signature, NONCE, List.of(1)));
    }

    /** Every non-empty subset of the five messages: the proof verifies, and fails for anything changed. */
    static Stream<List<Integer>> revealedSubsets() {
        return IntStream.range(1, 32).mapToObj(mask -> IntStream.range(0, 5)
                .filter(i -> (mask & (1 << i)) != 0).boxed().toList());
    }

    @ParameterizedTest
    @MethodSource("revealedSubsets")
    void proofRevealingAnySubsetVerifiesAndFailsWhenChanged(List<Integer> revealed) {
        byte[] proof = operations.deriveProof(MESSAGES, signature, NONCE, revealed);
        List<byte[]> disclosed = revealed.stream().map(MESSAGES::get).toList();
        operations.verifyProof(proof, disclosed, NONCE);

        for (int i = 0; i < disclosed.size(); i++) {
            List<byte[]> changed = new ArrayList<>(disclosed);
            changed.set(i, utf8("forged"));
            assertProofFails(() -> operations.verifyProof(proof, changed, NONCE));
        }
        assertProofFails(() -> operations.verifyProof(proof, disclosed, utf8("another nonce")));
        assertProofFails(() -> operations.verifyProof(proof, disclosed, null));
        KeyOperations otherKey = Keyset.generate(KeyType.BLS12381G2).operations();
        assertProofFails(() -> otherKey.verifyProof(proof, disclosed, NONCE));
        if (disclosed.size() > 1) {
            assertProofFails(() -> operations.verifyProof(proof, disclosed.subList(1, disclosed.size()), NONCE));
        }
        if (revealed.size() < 5) {
            List<byte[]> more = new ArrayList<>(disclosed);
            more.add(utf8("one more"));
            assertProofFails(() -> operations.verifyProof(proof, more, NONCE));
        }
    }

    @Test
    void proofsAreFreshAndTheirBytesAreChecked() {
        byte[] proof = operations.deriveProof(MESSAGES, signature, NONCE, List.of(0, 3));
        assertFalse(Arrays.equals(proof, operations.deriveProof(MESSAGES, signature, NONCE, List.of(3, 0))),
                "every proof is randomised");
        List<byte[]> disclosed = List.of(MESSAGES.get(0), MESSAGES.get(3));
        for (int i = 0; i < proof.length; i += 11) {
            byte[] tampered = flip(proof, i);
            assertProofFails(() -> operations.verifyProof(tampered, disclosed, NONCE));
        }
        for (byte[] malformed : List.of(new byte[0], new byte[1], Arrays.copyOf(proof, 3),
                Arrays.copyOf(proof, proof.length - 1), Arrays.copyOf(proof, proof.length + 32),
                new byte[proof.length])) {
            assertProofFails(() -> operations.verifyProof(malformed, disclosed, NONCE));
        }
        assertProofFails(() -> operations.verifyProof(null, disclosed, NONCE));
    }

    @Test
    void revealedIndexesMustNameMessages() {
        for (List<Integer> bad : List.of(List.<Integer>of(), List.of(5), List.of(-1), List.of(0, 0),
                List.of(1, 2, 99))) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> operations.deriveProof(MESSAGES, signature, NONCE, bad));
            assertEquals("invalid_request", e.code());
        }
        assertThrows(InvalidRequestException.class,
                () -> operations.deriveProof(MESSAGES, signature, NONCE, null));
    }

    @Test
    void messagesMustBeGiven() {
        for (List<byte[]> none : Arrays.asList(null, List.<byte[]>of())) {
            assertThrows(InvalidRequestException.class, () -> operations.signMulti(none));
            assertThrows(InvalidRequestException.class, () -> operations.verifyMulti(signature, none));
            assertThrows(InvalidRequestException.class, () -> operations.verifyProof(new byte[10], none, NONCE));
            assertThrows(InvalidRequestException.class,
                    () -> operations.deriveProof(none, signature, NONCE, List.of(0)));
        }
        List<byte[]> tooMany = java.util.Collections.nCopies(1025, new byte[0]);
        assertThrows(InvalidRequestException.class, () -> operations.signMulti(tooMany));
    }

    @Test
    void nullMessagesAreEmptyAsForGoClients() {
        List<byte[]> withNull = Arrays.asList(utf8("a"), null);
        byte[] signed = operations.signMulti(withNull);
        operations.verifyMulti(signed, List.of(utf8("a"), new byte[0]));
    }

    @Test
    void singleMessageOperationsAreNotBbsAndBbsIsNotForOtherKeys() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> operations.sign(NONCE));
        assertEquals("unsupported_operation", e.code());
        assertThrows(InvalidRequestException.class, () -> operations.verify(signature, NONCE));
        KeyOperations ed25519 = Keyset.generate(KeyType.ED25519).operations();
        assertEquals("unsupported_operation", assertThrows(InvalidRequestException.class,
                () -> ed25519.signMulti(MESSAGES)).code());
        assertThrows(InvalidRequestException.class, () -> ed25519.verifyMulti(signature, MESSAGES));
        assertThrows(InvalidRequestException.class, () -> ed25519.deriveProof(MESSAGES, signature, NONCE, List.of(0)));
        assertThrows(InvalidRequestException.class, () -> ed25519.verifyProof(signature, MESSAGES, NONCE));
        assertThrows(InvalidRequestException.class,
                () -> Keyset.importPrivateKey(KeyType.BLS12381G2, new byte[32]));
    }

    @Test
    void rotationKeepsOldSignaturesVerifyingAndProvable() {
        Keyset rotated = keyset.rotate();
        KeyOperations after = rotated.operations();
        assertNotEquals(keyset.thumbprint(), rotated.thumbprint());
        after.verifyMulti(signature, MESSAGES);
        byte[] proof = after.deriveProof(MESSAGES, signature, NONCE, List.of(4));
        after.verifyProof(proof, List.of(MESSAGES.get(4)), NONCE);
        operations.verifyProof(proof, List.of(MESSAGES.get(4)), NONCE);
        byte[] newSignature = after.signMulti(MESSAGES);
        assertSignatureFails(() -> operations.verifyMulti(newSignature, MESSAGES));
        after.verifyMulti(newSignature, MESSAGES);
    }

    @Test
    void sealedKeysetSignsAndVerifiesAsBefore() {
        SecretAead kek = SecretAeads.aes256Gcm(SecretBytes.copyOf(new byte[32]));
        Keyset unsealed = Keyset.unseal(KeyType.BLS12381G2, keyset.seal(kek, NONCE), kek, NONCE);
        assertArrayEquals(keyset.publicKey().orElseThrow(), unsealed.publicKey().orElseThrow());
        unsealed.operations().verifyMulti(signature, MESSAGES);
        operations.verifyMulti(unsealed.operations().signMulti(MESSAGES), MESSAGES);
    }

    @Test
    void importedGoPublicKeyVerifiesGoSignaturesAndProofsButCannotSign() {
        Keyset goKey = Keyset.importPublicKey(KeyType.BLS12381G2, GoVectors.VERIFY_PUBLIC_KEY);
        assertTrue(goKey.verifyOnly());
        assertArrayEquals(GoVectors.VERIFY_PUBLIC_KEY, goKey.publicKey().orElseThrow());
        KeyOperations go = goKey.operations();
        go.verifyMulti(GoVectors.VERIFY_SIGNATURE, GoVectors.TWO_MESSAGES);
        assertEquals("unsupported_operation",
                assertThrows(InvalidRequestException.class, () -> go.signMulti(MESSAGES)).code());
        assertThrows(InvalidRequestException.class, goKey::rotate);
        // a holder derives a proof from the issuer's signature with the issuer's public key alone
        byte[] proof = go.deriveProof(GoVectors.TWO_MESSAGES, GoVectors.VERIFY_SIGNATURE, NONCE, List.of(1));
        go.verifyProof(proof, GoVectors.TWO_MESSAGES.subList(1, 2), NONCE);

        KeyOperations proofKey = Keyset.importPublicKey(KeyType.BLS12381G2, GoVectors.SEVERAL_PUBLIC_KEY).operations();
        proofKey.verifyProof(GoVectors.SEVERAL_PROOF,
                List.of(GoVectors.FOUR_MESSAGES.get(0), GoVectors.FOUR_MESSAGES.get(2)), GoVectors.NONCE);
    }

    @Test
    void malformedPublicKeysAreRefused() {
        byte[] offCurve = GoVectors.VERIFY_PUBLIC_KEY.clone();
        offCurve[95] ^= 1;
        byte[] uncompressed = GoVectors.VERIFY_PUBLIC_KEY.clone();
        uncompressed[0] &= 0x7f;
        byte[] infinity = new byte[96];
        infinity[0] = (byte) 0xc0;
        for (byte[] bad : List.of(new byte[0], new byte[95], new byte[96], offCurve, uncompressed, infinity,
                Arrays.copyOf(GoVectors.VERIFY_PUBLIC_KEY, 97))) {
            assertThrows(InvalidRequestException.class, () -> Keyset.importPublicKey(KeyType.BLS12381G2, bad));
        }
    }

    @Test
    void oneKeyServesConcurrentCallers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                calls.add(pool.submit(() -> {
                    List<byte[]> messages = List.of(utf8("thread " + n), utf8("message"));
                    byte[] signed = operations.signMulti(messages);
                    operations.verifyMulti(signed, messages);
                    byte[] proof = operations.deriveProof(messages, signed, NONCE, List.of(0));
                    operations.verifyProof(proof, messages.subList(0, 1), NONCE);
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keyMaterialStaysOutOfToString() {
        assertEquals("Keyset[BLS12381G2, 1 versions]", keyset.toString());
    }

    private static void assertSignatureFails(Executable call) {
        KmsException e = assertThrows(VerificationFailedException.class, call);
        assertEquals("signature does not verify", e.getMessage());
    }

    private static void assertProofFails(Executable call) {
        KmsException e = assertThrows(VerificationFailedException.class, call);
        assertEquals("proof does not verify", e.getMessage());
    }
}
