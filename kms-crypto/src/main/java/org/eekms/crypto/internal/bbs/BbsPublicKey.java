package org.eekms.crypto.internal.bbs;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.milagro.amcl.BLS381.ECP;
import org.apache.milagro.amcl.BLS381.ECP2;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * A BBS+ public key w = g2 · x of AFGo's {@code bbs12381g2pub}, with the message generators it derives from the key
 * for each message count: h0 and h1…hn, each a hash to G1 of the uncompressed key, the count and the index. Deriving
 * them is the costly part of every operation, so they are kept per count (thread-safe; at most {@value #CACHED_COUNTS}
 * counts).
 */
public final class BbsPublicKey {

    /**
     * The most messages one signature or proof may have here. Each message costs a hash to G1 the first time a count
     * is seen, and a proof names its own count (AFGo allows 65,535), so the bound keeps a request's work small.
     */
    public static final int MAX_MESSAGES = 1024;

    private static final int CACHED_COUNTS = 32;
    /** Where AFGo writes a generator's index into the hashed data: one byte past the 192-byte key. */
    private static final int INDEX_OFFSET = Bls12381.G2_UNCOMPRESSED + 1;

    private final ECP2 w;
    private final byte[] encoded;
    private final Map<Integer, Generators> generators = new ConcurrentHashMap<>();

    BbsPublicKey(ECP2 w) {
        this.w = w;
        this.encoded = Bls12381.compressed(w);
    }

    /** The key of its 96-byte compressed form; IllegalArgumentException when it is not a point of G2 or is infinity. */
    public static BbsPublicKey decode(byte[] compressed) {
        return new BbsPublicKey(Bls12381.g2FromCompressed(compressed));
    }

    /** The 96-byte compressed G2 point TrustBloc's export answers. */
    public byte[] encoded() {
        return encoded.clone();
    }

    ECP2 w() {
        return new ECP2(w);
    }

    /** Whether the signature (AFGo's 112-byte encoding) is this key's over the messages; false when malformed. */
    public boolean verify(byte[] signature, List<byte[]> messages) {
        BbsSignature parsed;
        try {
            parsed = BbsSignature.decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return parsed.verify(this, scalarsOf(messages));
    }

    /**
     * A proof of this key's signature over the messages that discloses those at {@code revealed} (each an index into
     * the messages), bound to the nonce; empty when the signature does not verify (AFGo checks it first too).
     */
    public java.util.Optional<byte[]> deriveProof(byte[] signature, List<byte[]> messages, byte[] nonce,
            java.util.SortedSet<Integer> revealed) {
        BbsSignature parsed;
        try {
            parsed = BbsSignature.decode(signature);
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
        BigInteger[] m = scalarsOf(messages);
        if (!parsed.verify(this, m)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(BbsProof.derive(parsed, this, m, revealed, nonce));
    }

    /** Whether the proof shows this key's signature over the revealed messages (in index order) and the nonce. */
    public boolean verifyProof(byte[] proof, List<byte[]> revealedMessages, byte[] nonce) {
        return BbsProof.verify(proof, this, revealedMessages, nonce);
    }

    /** h0 and one generator per message. */
    record Generators(ECP h0, List<ECP> h) {

        ECP h0Copy() {
            return new ECP(h0);
        }

        ECP hCopy(int i) {
            return new ECP(h.get(i));
        }
    }

    Generators generators(int count) {
        if (count < 1 || count > MAX_MESSAGES) {
            throw new IllegalArgumentException("1 to " + MAX_MESSAGES + " messages");
        }
        Generators cached = generators.get(count);
        if (cached != null) {
            return cached;
        }
        Generators made = derive(count);
        if (generators.size() >= CACHED_COUNTS) {
            generators.clear();
        }
        generators.put(count, made);
        return made;
    }

    /** AFGo's {@code ToPublicKeyWithGenerators}: uncompressed w ‖ 6 zero bytes ‖ uint32 count, the index written at 193. */
    private Generators derive(int count) {
        byte[] data = Arrays.copyOf(Bls12381.uncompressed(w), Bls12381.G2_UNCOMPRESSED + 6 + 4);
        writeUint32(data, Bls12381.G2_UNCOMPRESSED + 6, count);
        ECP h0 = HashToG1.hash(data);
        ECP[] h = new ECP[count];
        for (int i = 1; i <= count; i++) {
            byte[] indexed = data.clone();
            writeUint32(indexed, INDEX_OFFSET, i);
            h[i - 1] = HashToG1.hash(indexed);
        }
        return new Generators(h0, List.of(h));
    }

    static void writeUint32(byte[] out, int offset, int value) {
        out[offset] = (byte) (value >>> 24);
        out[offset + 1] = (byte) (value >>> 16);
        out[offset + 2] = (byte) (value >>> 8);
        out[offset + 3] = (byte) value;
    }

    /** AFGo's {@code frFromOKM}: BLAKE2b-384 of the bytes, read big-endian, modulo r (messages, nonces, challenges). */
    static BigInteger scalarOf(byte[] bytes) {
        Blake2bDigest digest = new Blake2bDigest(384);
        digest.update(bytes, 0, bytes.length);
        byte[] okm = new byte[48];
        digest.doFinal(okm, 0);
        return new BigInteger(1, okm).mod(Bls12381.R);
    }

    static BigInteger[] scalarsOf(List<byte[]> messages) {
        BigInteger[] out = new BigInteger[messages.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = scalarOf(messages.get(i));
        }
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BbsPublicKey key && Arrays.equals(encoded, key.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "BbsPublicKey[BLS12-381 G2]";
    }
}
