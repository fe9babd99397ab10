package org.eekms.crypto.internal.bbs;

import java.math.BigInteger;
import java.util.List;

/**
 * A BBS+ private key: a scalar x, 0 &lt; x &lt; r, stored as AFGo stores it (32 big-endian bytes). Its public key is
 * g2 · x. The scalar is a {@link BigInteger}, which cannot be wiped: the key lives as long as the cached operations
 * holding it, as Tink's keys do.
 */
public final class BbsPrivateKey {

    private final BigInteger x;
    private final BbsPublicKey publicKey;

    private BbsPrivateKey(BigInteger x) {
        this.x = x;
        this.publicKey = new BbsPublicKey(Bls12381.mul(Bls12381.g2(), x));
    }

    public static BbsPrivateKey generate() {
        return new BbsPrivateKey(Bls12381.randomScalar());
    }

    /** The key of its 32-byte encoding; IllegalArgumentException for another length, zero, or r and above. */
    public static BbsPrivateKey decode(byte[] encoded) {
        if (encoded == null || encoded.length != Bls12381.SCALAR_SIZE) {
            throw new IllegalArgumentException("a BBS+ private key has 32 bytes");
        }
        BigInteger x = new BigInteger(1, encoded);
        if (x.signum() == 0 || x.compareTo(Bls12381.R) >= 0) {
            throw new IllegalArgumentException("a BBS+ private key is a non-zero scalar below the group order");
        }
        return new BbsPrivateKey(x);
    }

    /** The 32 bytes to store; the caller clears them. */
    public byte[] encoded() {
        return Bls12381.scalarBytes(x);
    }

    public BbsPublicKey publicKey() {
        return publicKey;
    }

    /** AFGo's 112-byte signature over one or more messages (at most {@link BbsPublicKey#MAX_MESSAGES}). */
    public byte[] sign(List<byte[]> messages) {
        return BbsSignature.sign(x, publicKey, messages).encode();
    }

    @Override
    public String toString() {
        return "BbsPrivateKey[BLS12-381]";
    }
}
