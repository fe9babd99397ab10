package org.eekms.crypto.internal.bbs;

import static org.eekms.crypto.internal.bbs.GoVectors.FOUR_MESSAGES;
import static org.eekms.crypto.internal.bbs.GoVectors.NONCE;
import static org.eekms.crypto.internal.bbs.GoVectors.TWO_MESSAGES;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AFGo's own test data (see {@link GoVectors}) verifies here, and only as AFGo's tests say it should. */
class GoKnownAnswerTest {

    @Test
    void goSignatureVerifies() {
        BbsPublicKey key = BbsPublicKey.decode(GoVectors.VERIFY_PUBLIC_KEY);
        BbsSignature signature = BbsSignature.decode(GoVectors.VERIFY_SIGNATURE);
        assertTrue(signature.verify(key, BbsPublicKey.scalarsOf(TWO_MESSAGES)));
    }

    @Test
    void goSignatureFailsOverSwappedMessages() {
        BbsPublicKey key = BbsPublicKey.decode(GoVectors.VERIFY_PUBLIC_KEY);
        BbsSignature signature = BbsSignature.decode(GoVectors.VERIFY_SIGNATURE);
        assertFalse(signature.verify(key, BbsPublicKey.scalarsOf(List.of(TWO_MESSAGES.get(1), TWO_MESSAGES.get(0)))));
    }

    @Test
    void goProofRevealingOneOfTwoVerifies() {
        BbsPublicKey key = BbsPublicKey.decode(GoVectors.PROOF_PUBLIC_KEY);
        assertTrue(BbsProof.verify(GoVectors.PROOF, key, TWO_MESSAGES.subList(0, 1), NONCE));
    }

    @Test
    void goProofRevealingTwoOfFourVerifies() {
        BbsPublicKey key = BbsPublicKey.decode(GoVectors.SEVERAL_PUBLIC_KEY);
        assertTrue(BbsProof.verify(GoVectors.SEVERAL_PROOF, key, List.of(FOUR_MESSAGES.get(0), FOUR_MESSAGES.get(2)),
                NONCE));
    }

    @Test
    void goProofClaimingMoreRevealedMessagesThanGivenFails() {
        BbsPublicKey key = BbsPublicKey.decode(GoVectors.PROOF_PUBLIC_KEY);
        assertFalse(BbsProof.verify(GoVectors.PROOF_REVEALING_TOO_MANY, key, TWO_MESSAGES.subList(0, 1), NONCE));
    }

    @Test
    void mattrPublicKeyIsItsPrivateKeyTimesG2() {
        BigInteger x = new BigInteger(1, GoVectors.MATTR_PRIVATE_KEY);
        assertArrayEquals(GoVectors.MATTR_PUBLIC_KEY, Bls12381.compressed(Bls12381.mul(Bls12381.g2(), x)));
    }

    @Test
    void goSignatureEncodesBackToItsBytes() {
        assertArrayEquals(GoVectors.PARSED_SIGNATURE, BbsSignature.decode(GoVectors.PARSED_SIGNATURE).encode());
    }
}
