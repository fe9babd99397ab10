package org.eekms.crypto.internal.bbs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.milagro.amcl.BLS381.ECP;
import org.junit.jupiter.api.Test;

/**
 * How long the four operations take for five messages, once the key's generators are derived (as for a cached key);
 * printed, not asserted beyond sanity, so that the number is in every build log.
 */
class BbsSpeedTest {

    private static final int ROUNDS = 10;

    @Test
    void fiveMessages() {
        List<byte[]> messages = List.of("a", "b", "c", "d", "e").stream()
                .map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        byte[] nonce = "nonce".getBytes(StandardCharsets.UTF_8);
        SortedSet<Integer> revealed = new TreeSet<>(List.of(0, 2));
        BbsPrivateKey key = BbsPrivateKey.generate();
        BbsPublicKey publicKey = key.publicKey();

        long start = System.nanoTime();
        publicKey.generators(5);
        long generators = System.nanoTime() - start;

        byte[] signature = key.sign(messages);
        byte[] proof = publicKey.deriveProof(signature, messages, nonce, revealed).orElseThrow();
        List<byte[]> disclosed = List.of(messages.get(0), messages.get(2));
        for (int warm = 0; warm < 3; warm++) {
            key.sign(messages);
            publicKey.verify(signature, messages);
            publicKey.deriveProof(signature, messages, nonce, revealed);
            publicKey.verifyProof(proof, disclosed, nonce);
        }
        double sign = time(() -> key.sign(messages));
        double verify = time(() -> assertTrue(publicKey.verify(signature, messages)));
        double derive = time(() -> publicKey.deriveProof(signature, messages, nonce, revealed));
        double verifyProof = time(() -> assertTrue(publicKey.verifyProof(proof, disclosed, nonce)));
        ECP g = Bls12381.g1();
        BigInteger k = Bls12381.randomScalar();
        double g1Mul = time(() -> Bls12381.mul(g, k));
        double hash = time(() -> HashToG1.hash(nonce));
        double g2Mul = time(() -> Bls12381.mul(Bls12381.g2(), k));
        double pairing = time(() -> Bls12381.pairingProductIsOne(Bls12381.g1(), Bls12381.g2(), Bls12381.g1(),
                Bls12381.g2()));
        System.out.printf("BBS+ (Milagro, 5 messages, 2 revealed), ms per call: generators %.1f (once per key and"
                + " count), sign %.1f, verify %.1f, deriveproof %.1f, verifyproof %.1f; G1 mul %.2f, hash to G1 %.2f,"
                + " G2 mul %.2f, pairing check %.1f%n", generators / 1e6, sign, verify, derive, verifyProof, g1Mul, hash,
                g2Mul, pairing);
    }

    private static double time(Runnable call) {
        long start = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            call.run();
        }
        return (System.nanoTime() - start) / 1e6 / ROUNDS;
    }
}
