package org.eekms.crypto.internal.bbs;

import java.math.BigInteger;
import java.util.List;
import org.apache.milagro.amcl.BLS381.ECP;
import org.apache.milagro.amcl.BLS381.ECP2;

/**
 * A BBS+ signature (A, e, s) over messages m1…mn (Au, Man and Susilo 2006, as AFGo's {@code bbs12381g2pub} implements
 * it): A = (g1 + h0·s + Σ hi·mi) · 1/(x + e). Encoded as AFGo does: compressed A (48 bytes) ‖ e ‖ s (32 bytes each,
 * big-endian), 112 bytes.
 */
record BbsSignature(ECP a, BigInteger e, BigInteger s) {

    static final int LENGTH = Bls12381.G1_COMPRESSED + 2 * Bls12381.SCALAR_SIZE;

    /** The signature of its encoding; IllegalArgumentException when malformed, A is infinity or off G1. */
    static BbsSignature decode(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException("a BBS+ signature has " + LENGTH + " bytes");
        }
        ECP a = Bls12381.g1FromCompressed(bytes, 0);
        if (a.is_infinity()) {
            throw new IllegalArgumentException("A is the point at infinity");
        }
        return new BbsSignature(a, Bls12381.scalar(bytes, Bls12381.G1_COMPRESSED),
                Bls12381.scalar(bytes, Bls12381.G1_COMPRESSED + Bls12381.SCALAR_SIZE));
    }

    byte[] encode() {
        byte[] out = new byte[LENGTH];
        System.arraycopy(Bls12381.compressed(a), 0, out, 0, Bls12381.G1_COMPRESSED);
        System.arraycopy(Bls12381.scalarBytes(e), 0, out, Bls12381.G1_COMPRESSED, Bls12381.SCALAR_SIZE);
        System.arraycopy(Bls12381.scalarBytes(s), 0, out, Bls12381.G1_COMPRESSED + Bls12381.SCALAR_SIZE,
                Bls12381.SCALAR_SIZE);
        return out;
    }

    /**
     * A fresh signature: e and s random. The inverse of x + e is taken blinded (of b·(x + e), then times b, b random),
     * because the JDK's modular inverse does not run in constant time.
     */
    static BbsSignature sign(BigInteger x, BbsPublicKey publicKey, List<byte[]> messages) {
        BigInteger[] m = BbsPublicKey.scalarsOf(messages);
        BbsPublicKey.Generators generators = publicKey.generators(m.length);
        BigInteger e = Bls12381.randomScalar();
        BigInteger s = Bls12381.randomScalar();
        BigInteger blind = Bls12381.randomScalar();
        BigInteger inverse = blind.multiply(x.add(e)).mod(Bls12381.R).modInverse(Bls12381.R)
                .multiply(blind).mod(Bls12381.R);
        ECP a = Bls12381.mul(commitment(s, m, generators), inverse);
        return new BbsSignature(a, e, s);
    }

    /** e(A, g2·e + w) = e(B, g2), checked as e(A, g2·e + w) · e(−B, g2) = 1. */
    boolean verify(BbsPublicKey publicKey, BigInteger[] messages) {
        ECP2 q1 = Bls12381.mul(Bls12381.g2(), e);
        q1.add(publicKey.w());
        ECP b = commitment(s, messages, publicKey.generators(messages.length));
        b.neg();
        return Bls12381.pairingProductIsOne(new ECP(a), q1, b, Bls12381.g2());
    }

    /** B = g1 + h0·s + Σ hi·mi. */
    static ECP commitment(BigInteger s, BigInteger[] messages, BbsPublicKey.Generators generators) {
        ECP b = Bls12381.g1();
        b.add(Bls12381.mul(generators.h0Copy(), s));
        for (int i = 0; i < messages.length; i++) {
            b.add(Bls12381.mul(generators.hCopy(i), messages[i]));
        }
        return b;
    }

    @Override
    public String toString() {
        return "BbsSignature";
    }
}
