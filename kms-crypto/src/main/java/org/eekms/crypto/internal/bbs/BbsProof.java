package org.eekms.crypto.internal.bbs;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import org.apache.milagro.amcl.BLS381.ECP;
import org.apache.milagro.amcl.BLS381.ECP2;

/**
 * A zero-knowledge proof of a BBS+ signature that discloses some of its messages, byte for byte as AFGo's
 * {@code bbs12381g2pub} makes and reads it (its {@code DeriveProof} and {@code VerifyProof}):
 *
 * <pre>
 * uint16 message count ‖ revealed-index bit vector (count/8 + 1 bytes, last byte holds indexes 0–7, LSB first)
 * ‖ A' ‖ Ā ‖ d (compressed G1) ‖ uint32 length of proof 1 ‖ proof 1 ‖ proof 2
 * proof i = commitment (compressed G1) ‖ uint32 response count ‖ responses (32 bytes each)
 * </pre>
 *
 * The challenge is AFGo's: the message-to-scalar hash of Ā, A', h0, commitment 1, d, h0, the hidden messages'
 * generators and commitment 2 (uncompressed), followed by the nonce's scalar. Reading is stricter than AFGo's: exact
 * lengths and response counts, no revealed index beyond the count, and A' must not be the point at infinity (which
 * would let anyone "prove" anything).
 */
final class BbsProof {

    private static final int POINTS = 3 * Bls12381.G1_COMPRESSED;

    private BbsProof() {
    }

    /** The proof for {@code revealed} (sorted, each below the message count) of a signature that verifies. */
    static byte[] derive(BbsSignature signature, BbsPublicKey publicKey, BigInteger[] m, SortedSet<Integer> revealed,
            byte[] nonce) {
        BbsPublicKey.Generators g = publicKey.generators(m.length);
        BigInteger r = Bls12381.R;
        BigInteger r1 = Bls12381.randomScalar();
        BigInteger r2 = Bls12381.randomScalar();
        ECP b = BbsSignature.commitment(signature.s(), m, g);
        ECP aPrime = Bls12381.mul(new ECP(signature.a()), r1);
        ECP aBar = Bls12381.mul(new ECP(b), r1);
        aBar.sub(Bls12381.mul(new ECP(aPrime), signature.e()));
        ECP d = Bls12381.mul(new ECP(b), r1);
        d.add(Bls12381.mul(g.h0Copy(), r2.negate().mod(r)));
        BigInteger r3 = r1.modInverse(r);
        BigInteger sPrime = signature.s().subtract(r2.multiply(r3)).mod(r);

        List<ECP> bases1 = List.of(new ECP(aPrime), g.h0Copy());
        List<BigInteger> secrets1 = List.of(signature.e().negate().mod(r), r2);
        List<ECP> bases2 = new ArrayList<>(List.of(new ECP(d), g.h0Copy()));
        List<BigInteger> secrets2 = new ArrayList<>(List.of(r3.negate().mod(r), sPrime));
        for (int i = 0; i < m.length; i++) {
            if (!revealed.contains(i)) {
                bases2.add(g.hCopy(i));
                secrets2.add(m[i]);
            }
        }
        List<BigInteger> blinding1 = randomScalars(bases1.size());
        List<BigInteger> blinding2 = randomScalars(bases2.size());
        ECP commitment1 = sum(bases1, blinding1);
        ECP commitment2 = sum(bases2, blinding2);

        BigInteger c = challenge(aBar, aPrime, g.h0Copy(), commitment1, d, bases2.subList(1, bases2.size()),
                commitment2, nonce);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(revealedPayload(m.length, revealed));
        out.writeBytes(Bls12381.compressed(aPrime));
        out.writeBytes(Bls12381.compressed(aBar));
        out.writeBytes(Bls12381.compressed(d));
        byte[] proof1 = proofOfKnowledge(commitment1, blinding1, secrets1, c);
        out.writeBytes(ByteBuffer.allocate(4).putInt(proof1.length).array());
        out.writeBytes(proof1);
        out.writeBytes(proofOfKnowledge(commitment2, blinding2, secrets2, c));
        return out.toByteArray();
    }

    /** Whether the proof shows a signature by the key over these revealed messages (in index order) and nonce. */
    static boolean verify(byte[] proof, BbsPublicKey publicKey, List<byte[]> revealedMessages, byte[] nonce) {
        Parsed parsed;
        try {
            parsed = Parsed.of(proof);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return false;
        }
        int count = parsed.messageCount;
        if (count < 1 || count > BbsPublicKey.MAX_MESSAGES) {
            return false;
        }
        int hidden = count - parsed.revealed.size();
        if (parsed.revealed.size() != revealedMessages.size() || parsed.aPrime.is_infinity()
                || parsed.responses1.size() != 2 || parsed.responses2.size() != 2 + hidden) {
            return false;
        }
        BbsPublicKey.Generators g = publicKey.generators(count);

        ECP negatedBar = new ECP(parsed.aBar);
        negatedBar.neg();
        if (!Bls12381.pairingProductIsOne(new ECP(parsed.aPrime), publicKey.w(), negatedBar, Bls12381.g2())) {
            return false;
        }

        List<ECP> hiddenGenerators = new ArrayList<>();
        ECP disclosed = Bls12381.g1();
        int next = 0;
        for (int i = 0; i < count; i++) {
            if (parsed.revealed.contains(i)) {
                disclosed.add(Bls12381.mul(g.hCopy(i), BbsPublicKey.scalarOf(revealedMessages.get(next++))));
            } else {
                hiddenGenerators.add(g.hCopy(i));
            }
        }
        BigInteger c = challenge(parsed.aBar, parsed.aPrime, g.h0Copy(), parsed.commitment1, parsed.d,
                withH0(g, hiddenGenerators), parsed.commitment2, nonce);

        ECP barMinusD = new ECP(parsed.aBar);
        barMinusD.sub(new ECP(parsed.d));
        List<ECP> bases1 = List.of(new ECP(parsed.aPrime), g.h0Copy());
        if (!opens(parsed.commitment1, bases1, parsed.responses1, barMinusD, c)) {
            return false;
        }
        List<ECP> bases2 = new ArrayList<>(List.of(new ECP(parsed.d)));
        bases2.addAll(withH0(g, hiddenGenerators));
        disclosed.neg();
        return opens(parsed.commitment2, bases2, parsed.responses2, disclosed, c);
    }

    private static List<ECP> withH0(BbsPublicKey.Generators g, List<ECP> hiddenGenerators) {
        List<ECP> out = new ArrayList<>(hiddenGenerators.size() + 1);
        out.add(g.h0Copy());
        out.addAll(hiddenGenerators);
        return out;
    }

    /** Σ basesᵢ · responsesᵢ + value · c = commitment (AFGo's {@code ProofG1.Verify}). */
    private static boolean opens(ECP commitment, List<ECP> bases, List<BigInteger> responses, ECP value,
            BigInteger c) {
        ECP contribution = sum(bases, responses);
        contribution.add(Bls12381.mul(value, c));
        contribution.sub(new ECP(commitment));
        return contribution.is_infinity();
    }

    private static BigInteger challenge(ECP aBar, ECP aPrime, ECP h0, ECP commitment1, ECP d,
            List<ECP> h0AndHidden, ECP commitment2, byte[] nonce) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (ECP point : List.of(aBar, aPrime, h0, commitment1, d)) {
            bytes.writeBytes(Bls12381.uncompressed(point));
        }
        for (ECP point : h0AndHidden) {
            bytes.writeBytes(Bls12381.uncompressed(point));
        }
        bytes.writeBytes(Bls12381.uncompressed(commitment2));
        bytes.writeBytes(Bls12381.scalarBytes(BbsPublicKey.scalarOf(nonce)));
        return BbsPublicKey.scalarOf(bytes.toByteArray());
    }

    /** commitment ‖ uint32 count ‖ (blindingᵢ − c · secretᵢ) for each base. */
    private static byte[] proofOfKnowledge(ECP commitment, List<BigInteger> blinding, List<BigInteger> secrets,
            BigInteger c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Bls12381.compressed(commitment));
        out.writeBytes(ByteBuffer.allocate(4).putInt(blinding.size()).array());
        for (int i = 0; i < blinding.size(); i++) {
            BigInteger response = blinding.get(i).subtract(c.multiply(secrets.get(i))).mod(Bls12381.R);
            out.writeBytes(Bls12381.scalarBytes(response));
        }
        return out.toByteArray();
    }

    /** uint16 count ‖ bit vector, its bytes in reverse order (AFGo's {@code pokPayload}). */
    static byte[] revealedPayload(int count, SortedSet<Integer> revealed) {
        int vectorLength = count / 8 + 1;
        byte[] out = new byte[2 + vectorLength];
        out[0] = (byte) (count >>> 8);
        out[1] = (byte) count;
        for (int index : revealed) {
            out[2 + vectorLength - 1 - index / 8] |= (byte) (1 << (index % 8));
        }
        return out;
    }

    private static List<BigInteger> randomScalars(int count) {
        List<BigInteger> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(Bls12381.randomScalar());
        }
        return out;
    }

    private static ECP sum(List<ECP> bases, List<BigInteger> scalars) {
        return Bls12381.sumOfProducts(bases.toArray(ECP[]::new), scalars.toArray(BigInteger[]::new));
    }

    /** The parts of a proof's encoding. */
    private record Parsed(int messageCount, SortedSet<Integer> revealed, ECP aPrime, ECP aBar, ECP d,
            ECP commitment1, List<BigInteger> responses1, ECP commitment2, List<BigInteger> responses2) {

        static Parsed of(byte[] proof) {
            if (proof == null || proof.length < 2) {
                throw new IllegalArgumentException("no payload");
            }
            int count = ((proof[0] & 0xff) << 8) | (proof[1] & 0xff);
            int vectorLength = count / 8 + 1;
            int at = 2 + vectorLength;
            SortedSet<Integer> revealed = new java.util.TreeSet<>();
            for (int index = 0; index < vectorLength * 8; index++) {
                if ((proof[2 + vectorLength - 1 - index / 8] >> (index % 8) & 1) == 1) {
                    if (index >= count) {
                        throw new IllegalArgumentException("revealed index beyond the message count");
                    }
                    revealed.add(index);
                }
            }
            if (proof.length < at + POINTS + 4) {
                throw new IllegalArgumentException("too short");
            }
            ECP aPrime = Bls12381.g1FromCompressed(proof, at);
            ECP aBar = Bls12381.g1FromCompressed(proof, at + Bls12381.G1_COMPRESSED);
            ECP d = Bls12381.g1FromCompressed(proof, at + 2 * Bls12381.G1_COMPRESSED);
            at += POINTS;
            int length1 = ByteBuffer.wrap(proof, at, 4).getInt();
            at += 4;
            if (length1 < 0 || length1 > proof.length - at) {
                throw new IllegalArgumentException("bad length of proof 1");
            }
            List<BigInteger> responses1 = new ArrayList<>();
            ECP commitment1 = proofOfKnowledge(proof, at, at + length1, responses1);
            List<BigInteger> responses2 = new ArrayList<>();
            ECP commitment2 = proofOfKnowledge(proof, at + length1, proof.length, responses2);
            return new Parsed(count, revealed, aPrime, aBar, d, commitment1, responses1, commitment2, responses2);
        }

        private static ECP proofOfKnowledge(byte[] proof, int from, int to, List<BigInteger> responses) {
            if (to - from < Bls12381.G1_COMPRESSED + 4) {
                throw new IllegalArgumentException("proof of knowledge too short");
            }
            ECP commitment = Bls12381.g1FromCompressed(proof, from);
            int count = ByteBuffer.wrap(proof, from + Bls12381.G1_COMPRESSED, 4).getInt();
            int at = from + Bls12381.G1_COMPRESSED + 4;
            if (count < 0 || (long) count * Bls12381.SCALAR_SIZE != to - at) {
                throw new IllegalArgumentException("response count does not match the length");
            }
            for (int i = 0; i < count; i++) {
                responses.add(Bls12381.scalar(proof, at));
                at += Bls12381.SCALAR_SIZE;
            }
            return commitment;
        }
    }
}
