package org.eekms.crypto.internal.bbs;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.apache.milagro.amcl.BLS381.BIG;
import org.apache.milagro.amcl.BLS381.ECP;
import org.apache.milagro.amcl.BLS381.ECP2;
import org.apache.milagro.amcl.BLS381.FP2;
import org.apache.milagro.amcl.BLS381.FP12;
import org.apache.milagro.amcl.BLS381.PAIR;
import org.apache.milagro.amcl.BLS381.ROM;

/**
 * BLS12-381 as AFGo's BBS+ sees it, on Milagro's arithmetic: points in the ZCash encodings of kilic/bls12-381 (which
 * AFGo uses) and scalars modulo the group order r as 32 big-endian bytes.
 *
 * <p>Milagro encodes points its own way (SEC1-style prefix bytes), so the ZCash encodings are composed here from its
 * coordinates: big-endian x (for G2: the imaginary part first), the top three bits of the first byte flagging
 * compression, infinity and the "larger" square root. Decoding checks that the point is on the curve and in the
 * r-torsion subgroup (kilic checks only the curve).
 *
 * <p>Milagro's objects are mutable: every point handed out is a fresh copy, and shared points are only read.
 */
final class Bls12381 {

    static final int SCALAR_SIZE = 32;
    static final int G1_COMPRESSED = 48;
    static final int G1_UNCOMPRESSED = 96;
    static final int G2_COMPRESSED = 96;
    static final int G2_UNCOMPRESSED = 192;

    /** Milagro's big numbers hold 48 bytes. */
    private static final int FIELD_SIZE = 48;
    private static final int COMPRESSED = 0x80;
    private static final int INFINITY = 0x40;
    private static final int LARGER_ROOT = 0x20;

    static final BigInteger P = integer(new BIG(ROM.Modulus));
    static final BigInteger R = integer(new BIG(ROM.CURVE_Order));
    private static final BigInteger HALF_P = P.subtract(BigInteger.ONE).shiftRight(1);
    private static final BIG ORDER = new BIG(ROM.CURVE_Order);
    private static final ECP G1 = ECP.generator();
    private static final ECP2 G2 = ECP2.generator();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Bls12381() {
    }

    static ECP g1() {
        return new ECP(G1);
    }

    static ECP2 g2() {
        return new ECP2(G2);
    }

    // ---- scalars

    /** A uniformly random non-zero scalar. */
    static BigInteger randomScalar() {
        BigInteger k;
        do {
            k = new BigInteger(R.bitLength() + 64, RANDOM).mod(R);
        } while (k.signum() == 0);
        return k;
    }

    /** 32 big-endian bytes reduced modulo r, as kilic's {@code Fr.FromBytes} reads them. */
    static BigInteger scalar(byte[] bytes, int offset) {
        byte[] copy = new byte[SCALAR_SIZE];
        System.arraycopy(bytes, offset, copy, 0, SCALAR_SIZE);
        return new BigInteger(1, copy).mod(R);
    }

    static byte[] scalarBytes(BigInteger k) {
        return fixed(k, SCALAR_SIZE);
    }

    static ECP mul(ECP point, BigInteger k) {
        return point.mul(big(k));
    }

    static ECP2 mul(ECP2 point, BigInteger k) {
        return point.mul(big(k));
    }

    /** The sum of {@code points[i] · scalars[i]}. */
    static ECP sumOfProducts(ECP[] points, BigInteger[] scalars) {
        ECP sum = new ECP();
        for (int i = 0; i < points.length; i++) {
            sum.add(mul(points[i], scalars[i]));
        }
        return sum;
    }

    /** Whether e(p1, q1) · e(p2, q2) is the identity of GT. */
    static boolean pairingProductIsOne(ECP p1, ECP2 q1, ECP p2, ECP2 q2) {
        FP12 product = PAIR.fexp(PAIR.ate2(q1, p1, q2, p2));
        return product.isunity();
    }

    // ---- G1

    static byte[] compressed(ECP point) {
        byte[] out = new byte[G1_COMPRESSED];
        if (point.is_infinity()) {
            out[0] = (byte) (COMPRESSED | INFINITY);
            return out;
        }
        ECP affine = new ECP(point);
        affine.affine();
        System.arraycopy(fieldBytes(affine.getX()), 0, out, 0, FIELD_SIZE);
        out[0] |= (byte) (COMPRESSED | (isLarger(integer(affine.getY())) ? LARGER_ROOT : 0));
        return out;
    }

    /** x ‖ y, or the infinity flag and zeros (what AFGo hashes into proof challenges). */
    static byte[] uncompressed(ECP point) {
        byte[] out = new byte[G1_UNCOMPRESSED];
        if (point.is_infinity()) {
            out[0] = INFINITY;
            return out;
        }
        ECP affine = new ECP(point);
        affine.affine();
        System.arraycopy(fieldBytes(affine.getX()), 0, out, 0, FIELD_SIZE);
        System.arraycopy(fieldBytes(affine.getY()), 0, out, FIELD_SIZE, FIELD_SIZE);
        return out;
    }

    /** A compressed G1 point of the r-torsion subgroup (infinity included); IllegalArgumentException otherwise. */
    static ECP g1FromCompressed(byte[] in, int offset) {
        int flags = in[offset] & 0xe0;
        byte[] xBytes = new byte[FIELD_SIZE];
        System.arraycopy(in, offset, xBytes, 0, FIELD_SIZE);
        xBytes[0] &= 0x1f;
        BigInteger x = new BigInteger(1, xBytes);
        if ((flags & COMPRESSED) == 0) {
            throw new IllegalArgumentException("not a compressed point");
        }
        if ((flags & INFINITY) != 0) {
            if (flags != (COMPRESSED | INFINITY) || x.signum() != 0) {
                throw new IllegalArgumentException("malformed point at infinity");
            }
            return new ECP();
        }
        if (x.compareTo(P) >= 0) {
            throw new IllegalArgumentException("coordinate out of range");
        }
        ECP point = new ECP(big(x), 0);
        if (point.is_infinity()) {
            throw new IllegalArgumentException("point is not on the curve");
        }
        if (isLarger(integer(point.getY())) != ((flags & LARGER_ROOT) != 0)) {
            point.neg();
        }
        return inSubgroup(point);
    }

    private static ECP inSubgroup(ECP point) {
        if (!point.mul(ORDER).is_infinity()) {
            throw new IllegalArgumentException("point is not in the subgroup");
        }
        return point;
    }

    // ---- G2 (coordinates c0 + c1·i, written c1 first)

    static byte[] compressed(ECP2 point) {
        byte[] out = new byte[G2_COMPRESSED];
        if (point.is_infinity()) {
            out[0] = (byte) (COMPRESSED | INFINITY);
            return out;
        }
        ECP2 affine = new ECP2(point);
        affine.affine();
        write(affine.getX(), out, 0);
        out[0] |= (byte) (COMPRESSED | (isLarger(affine.getY()) ? LARGER_ROOT : 0));
        return out;
    }

    static byte[] uncompressed(ECP2 point) {
        byte[] out = new byte[G2_UNCOMPRESSED];
        if (point.is_infinity()) {
            out[0] = INFINITY;
            return out;
        }
        ECP2 affine = new ECP2(point);
        affine.affine();
        write(affine.getX(), out, 0);
        write(affine.getY(), out, 2 * FIELD_SIZE);
        return out;
    }

    /** A compressed G2 point of the r-torsion subgroup, not infinity; IllegalArgumentException otherwise. */
    static ECP2 g2FromCompressed(byte[] in) {
        if (in.length != G2_COMPRESSED) {
            throw new IllegalArgumentException("a compressed G2 point has 96 bytes");
        }
        int flags = in[0] & 0xe0;
        if ((flags & COMPRESSED) == 0 || (flags & INFINITY) != 0) {
            throw new IllegalArgumentException("not a compressed finite point");
        }
        byte[] c1 = new byte[FIELD_SIZE];
        System.arraycopy(in, 0, c1, 0, FIELD_SIZE);
        c1[0] &= 0x1f;
        byte[] c0 = new byte[FIELD_SIZE];
        System.arraycopy(in, FIELD_SIZE, c0, 0, FIELD_SIZE);
        BigInteger x1 = new BigInteger(1, c1);
        BigInteger x0 = new BigInteger(1, c0);
        if (x1.compareTo(P) >= 0 || x0.compareTo(P) >= 0) {
            throw new IllegalArgumentException("coordinate out of range");
        }
        ECP2 point = new ECP2(new FP2(big(x0), big(x1)));
        if (point.is_infinity()) {
            throw new IllegalArgumentException("point is not on the curve");
        }
        if (isLarger(point.getY()) != ((flags & LARGER_ROOT) != 0)) {
            point.neg();
        }
        if (!point.mul(ORDER).is_infinity()) {
            throw new IllegalArgumentException("point is not in the subgroup");
        }
        return point;
    }

    private static void write(FP2 value, byte[] out, int offset) {
        System.arraycopy(fieldBytes(value.getB()), 0, out, offset, FIELD_SIZE);
        System.arraycopy(fieldBytes(value.getA()), 0, out, offset + FIELD_SIZE, FIELD_SIZE);
    }

    /** The ZCash sign of an Fp2 element: that of c1, or of c0 when c1 is zero. */
    private static boolean isLarger(FP2 y) {
        BigInteger c1 = integer(y.getB());
        return c1.signum() != 0 ? isLarger(c1) : isLarger(integer(y.getA()));
    }

    /** Whether y is the larger of the two square roots y and p − y. */
    static boolean isLarger(BigInteger y) {
        return y.compareTo(HALF_P) > 0;
    }

    // ---- conversions between Milagro's BIG and the JDK's BigInteger

    static BIG big(BigInteger value) {
        return BIG.fromBytes(fixed(value, FIELD_SIZE));
    }

    static BigInteger integer(BIG value) {
        return new BigInteger(1, fieldBytes(value));
    }

    private static byte[] fieldBytes(BIG value) {
        BIG normalised = new BIG(value);
        normalised.norm();
        byte[] out = new byte[FIELD_SIZE];
        normalised.toBytes(out);
        return out;
    }

    static byte[] fixed(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(bytes.length, length);
        System.arraycopy(bytes, bytes.length - copy, out, length - copy, copy);
        return out;
    }
}
