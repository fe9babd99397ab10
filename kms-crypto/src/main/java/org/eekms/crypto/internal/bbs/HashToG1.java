package org.eekms.crypto.internal.bbs;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.apache.milagro.amcl.BLS381.ECP;
import org.apache.milagro.amcl.BLS381.FP;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * Hashing to G1 as AFGo's BBS+ does it for its message generators: RFC 9380 {@code hash_to_curve} with
 * {@code expand_message_xmd} over BLAKE2b-512, the simplified SWU map to the 11-isogenous curve, the 11-isogeny
 * and cofactor clearing by h_eff, under the DST {@value #DST}.
 *
 * <p>Composed here because no maintained Java library offers it: Milagro 0.4 predates hash-to-curve, and the libraries
 * that have it (blst bindings) hash with SHA-256 only. The field and group arithmetic is Milagro's; BLAKE2b is
 * BouncyCastle's. One deviation from RFC 9380 is AFGo's and kept for interoperability: the sign of y is chosen by
 * the big-endian {@code sgn0} of draft 06 §4.1.1 (y is "negative" when greater than (p − 1) / 2), not by parity.
 * The known-answer tests against AFGo's signatures and proofs check every step.
 */
final class HashToG1 {

    static final String DST = "BLS12381G1_XMD:BLAKE2B_SSWU_RO_BBS+_SIGNATURES:1_0_0";

    private static final byte[] DST_PRIME = dstPrime(DST.getBytes(StandardCharsets.US_ASCII));
    private static final int BLAKE2B_BLOCK = 128;
    private static final int BLAKE2B_OUT = 64;
    /** L of RFC 9380 §5: ceil((ceil(log2(p)) + 128) / 8) bytes per field element; two elements. */
    private static final int ELEMENT_LENGTH = 64;

    /** The SSWU parameters of the isogenous curve E': A', B' and Z (RFC 9380 §8.8.1). */
    private static final BigInteger A = hex("144698a3b8e9433d693a02c96d4982b0ea985383ee66a8d8e8981aefd881ac98936f8da0e0f97f5cf428082d584c1d");
    private static final BigInteger B = hex("12e2908d11688030018b12e8753eee3b2016c1f0f24f4070a0b9c14fcef35ef55a23215a316ceaa5d1cc48e98e172be0");
    private static final BigInteger Z = BigInteger.valueOf(11);
    /** h_eff of RFC 9380 §8.8.1: what kilic multiplies by to clear the cofactor. */
    private static final BigInteger H_EFF = hex("d201000000010001");

    private static final BigInteger MINUS_B_OVER_A =
            B.negate().multiply(A.modInverse(Bls12381.P)).mod(Bls12381.P);

    /** The 11-isogeny's polynomials, coefficients k_(i,0) first (RFC 9380 Appendix E.2); the denominators monic. */
    private static final BigInteger[] X_NUM = hexes(
            "11a05f2b1e833340b809101dd99815856b303e88a2d7005ff2627b56cdb4e2c85610c2d5f2e62d6eaeac1662734649b7",
            "17294ed3e943ab2f0588bab22147a81c7c17e75b2f6a8417f565e33c70d1e86b4838f2a6f318c356e834eef1b3cb83bb",
            "d54005db97678ec1d1048c5d10a9a1bce032473295983e56878e501ec68e25c958c3e3d2a09729fe0179f9dac9edcb0",
            "1778e7166fcc6db74e0609d307e55412d7f5e4656a8dbf25f1b33289f1b330835336e25ce3107193c5b388641d9b6861",
            "e99726a3199f4436642b4b3e4118e5499db995a1257fb3f086eeb65982fac18985a286f301e77c451154ce9ac8895d9",
            "1630c3250d7313ff01d1201bf7a74ab5db3cb17dd952799b9ed3ab9097e68f90a0870d2dcae73d19cd13c1c66f652983",
            "d6ed6553fe44d296a3726c38ae652bfb11586264f0f8ce19008e218f9c86b2a8da25128c1052ecaddd7f225a139ed84",
            "17b81e7701abdbe2e8743884d1117e53356de5ab275b4db1a682c62ef0f2753339b7c8f8c8f475af9ccb5618e3f0c88e",
            "80d3cf1f9a78fc47b90b33563be990dc43b756ce79f5574a2c596c928c5d1de4fa295f296b74e956d71986a8497e317",
            "169b1f8e1bcfa7c42e0c37515d138f22dd2ecb803a0c5c99676314baf4bb1b7fa3190b2edc0327797f241067be390c9e",
            "10321da079ce07e272d8ec09d2565b0dfa7dccdde6787f96d50af36003b14866f69b771f8c285decca67df3f1605fb7b",
            "6e08c248e260e70bd1e962381edee3d31d79d7e22c837bc23c0bf1bc24c6b68c24b1b80b64d391fa9c8ba2e8ba2d229");
    private static final BigInteger[] X_DEN = hexes(
            "8ca8d548cff19ae18b2e62f4bd3fa6f01d5ef4ba35b48ba9c9588617fc8ac62b558d681be343df8993cf9fa40d21b1c",
            "12561a5deb559c4348b4711298e536367041e8ca0cf0800c0126c2588c48bf5713daa8846cb026e9e5c8276ec82b3bff",
            "b2962fe57a3225e8137e629bff2991f6f89416f5a718cd1fca64e00b11aceacd6a3d0967c94fedcfcc239ba5cb83e19",
            "3425581a58ae2fec83aafef7c40eb545b08243f16b1655154cca8abc28d6fd04976d5243eecf5c4130de8938dc62cd8",
            "13a8e162022914a80a6f1d5f43e7a07dffdfc759a12062bb8d6b44e833b306da9bd29ba81f35781d539d395b3532a21e",
            "e7355f8e4e667b955390f7f0506c6e9395735e9ce9cad4d0a43bcef24b8982f7400d24bc4228f11c02df9a29f6304a5",
            "772caacf16936190f3e0c63e0596721570f5799af53a1894e2e073062aede9cea73b3538f0de06cec2574496ee84a3a",
            "14a7ac2a9d64a8b230b3f5b074cf01996e7f63c21bca68a81996e1cdf9822c580fa5b9489d11e2d311f7d99bbdcc5a5e",
            "a10ecf6ada54f825e920b3dafc7a3cce07f8d1d7161366b74100da67f39883503826692abba43704776ec3a79a1d641",
            "95fc13ab9e92ad4476d6e3eb3a56680f682b4ee96f7d03776df533978f31c1593174e4b4b7865002d6384d168ecdd0a",
            "1");
    private static final BigInteger[] Y_NUM = hexes(
            "90d97c81ba24ee0259d1f094980dcfa11ad138e48a869522b52af6c956543d3cd0c7aee9b3ba3c2be9845719707bb33",
            "134996a104ee5811d51036d776fb46831223e96c254f383d0f906343eb67ad34d6c56711962fa8bfe097e75a2e41c696",
            "cc786baa966e66f4a384c86a3b49942552e2d658a31ce2c344be4b91400da7d26d521628b00523b8dfe240c72de1f6",
            "1f86376e8981c217898751ad8746757d42aa7b90eeb791c09e4a3ec03251cf9de405aba9ec61deca6355c77b0e5f4cb",
            "8cc03fdefe0ff135caf4fe2a21529c4195536fbe3ce50b879833fd221351adc2ee7f8dc099040a841b6daecf2e8fedb",
            "16603fca40634b6a2211e11db8f0a6a074a7d0d4afadb7bd76505c3d3ad5544e203f6326c95a807299b23ab13633a5f0",
            "4ab0b9bcfac1bbcb2c977d027796b3ce75bb8ca2be184cb5231413c4d634f3747a87ac2460f415ec961f8855fe9d6f2",
            "987c8d5333ab86fde9926bd2ca6c674170a05bfe3bdd81ffd038da6c26c842642f64550fedfe935a15e4ca31870fb29",
            "9fc4018bd96684be88c9e221e4da1bb8f3abd16679dc26c1e8b6e6a1f20cabe69d65201c78607a360370e577bdba587",
            "e1bba7a1186bdb5223abde7ada14a23c42a0ca7915af6fe06985e7ed1e4d43b9b3f7055dd4eba6f2bafaaebca731c30",
            "19713e47937cd1be0dfd0b8f1d43fb93cd2fcbcb6caf493fd1183e416389e61031bf3a5cce3fbafce813711ad011c132",
            "18b46a908f36f6deb918c143fed2edcc523559b8aaf0c2462e6bfe7f911f643249d9cdf41b44d606ce07c8a4d0074d8e",
            "b182cac101b9399d155096004f53f447aa7b12a3426b08ec02710e807b4633f06c851c1919211f20d4c04f00b971ef8",
            "245a394ad1eca9b72fc00ae7be315dc757b3b080d4c158013e6632d3c40659cc6cf90ad1c232a6442d9d3f5db980133",
            "5c129645e44cf1102a159f748c4a3fc5e673d81d7e86568d9ab0f5d396a7ce46ba1049b6579afb7866b1e715475224b",
            "15e6be4e990f03ce4ea50b3b42df2eb5cb181d8f84965a3957add4fa95af01b2b665027efec01c7704b456be69c8b604");
    private static final BigInteger[] Y_DEN = hexes(
            "16112c4c3a9c98b252181140fad0eae9601a6de578980be6eec3232b5be72e7a07f3688ef60c206d01479253b03663c1",
            "1962d75c2381201e1a0cbd6c43c348b885c84ff731c4d59ca4a10356f453e01f78a4260763529e3532f6102c2e49a03d",
            "58df3306640da276faaae7d6e8eb15778c4855551ae7f310c35a5dd279cd2eca6757cd636f96f891e2538b53dbf67f2",
            "16b7d288798e5395f20d23bf89edb4d1d115c5dbddbcd30e123da489e726af41727364f2c28297ada8d26d98445f5416",
            "be0e079545f43e4b00cc912f8228ddcc6d19c9f0f69bbb0542eda0fc9dec916a20b15dc0fd2ededda39142311a5001d",
            "8d9e5297186db2d9fb266eaac783182b70152c65550d881c5ecd87b6f0f5a6449f38db9dfa9cce202c6477faaf9b7ac",
            "166007c08a99db2fc3ba8734ace9824b5eecfdfa8d0cf8ef5dd365bc400a0051d5fa9c01a58b1fb93d1a1399126a775c",
            "16a3ef08be3ea7ea03bcddfabba6ff6ee5a4375efa1f4fd7feb34fd206357132b920f5b00801dee460ee415a15812ed9",
            "1866c8ed336c61231a1be54fd1d74cc4f9fb0ce4c6af5920abc5750c4bf39b4852cfe2f7bb9248836b233d9d55535d4a",
            "167a55cda70a6e1cea820597d94a84903216f763e13d87bb5308592e7ea7d4fbc7385ea3d529b35e346ef48bb8913f55",
            "4d2f259eea405bd48f010a01ad2911d9c6dd039bb61a6290e591b36e636a5c871a5c29f4f83060400f8b49cba8f6aa8",
            "accbb67481d033ff5852c1e48c50c477f94ff8aefce42d28c0f9a88cea7913516f968986f7ebbea9684b529e2561092",
            "ad6b9514c767fe3c3613144b45f1496543346d98adf02267d5ceef9a00d9b8693000763e3b90ac11e99b138573345cc",
            "2660400eb2e4f3b628bdd0d53cd76f2bf565b94e72927c1cb748df27942480e420517bd8714cc80d1fadc1326ed06f7",
            "e0fa1d816ddc03e6b24255e0d7819c171c40f65e273b853324efcd6356caa205ca2f570f13497804415473a1d634b8f",
            "1");

    private static final FP[] X_NUM_FP = fps(X_NUM);
    private static final FP[] X_DEN_FP = fps(X_DEN);
    private static final FP[] Y_NUM_FP = fps(Y_NUM);
    private static final FP[] Y_DEN_FP = fps(Y_DEN);

    private HashToG1() {
    }

    /** hash_to_curve(msg): two field elements, each mapped to G1 through E', summed, the cofactor cleared. */
    static ECP hash(byte[] message) {
        byte[] uniform = expandMessageXmd(message, 2 * ELEMENT_LENGTH);
        ECP point = mapToCurve(fieldElement(uniform, 0));
        point.add(mapToCurve(fieldElement(uniform, ELEMENT_LENGTH)));
        return point.mul(Bls12381.big(H_EFF));
    }

    /** RFC 9380 §5.3.1 with BLAKE2b-512 (b_in_bytes 64, s_in_bytes 128). */
    static byte[] expandMessageXmd(byte[] message, int length) {
        int blocks = (length + BLAKE2B_OUT - 1) / BLAKE2B_OUT;
        Blake2bDigest digest = new Blake2bDigest(BLAKE2B_OUT * 8);
        digest.update(new byte[BLAKE2B_BLOCK], 0, BLAKE2B_BLOCK);
        digest.update(message, 0, message.length);
        digest.update((byte) (length >>> 8));
        digest.update((byte) length);
        digest.update((byte) 0);
        digest.update(DST_PRIME, 0, DST_PRIME.length);
        byte[] b0 = new byte[BLAKE2B_OUT];
        digest.doFinal(b0, 0);

        byte[] out = new byte[blocks * BLAKE2B_OUT];
        byte[] previous = new byte[BLAKE2B_OUT];
        for (int i = 1; i <= blocks; i++) {
            byte[] input = new byte[BLAKE2B_OUT];
            for (int j = 0; j < BLAKE2B_OUT; j++) {
                input[j] = (byte) (b0[j] ^ previous[j]);
            }
            // b_1 = H(b_0 ‖ 1 ‖ DST'): strxor with the all-zero "b_0" above leaves b_0
            digest.update(input, 0, BLAKE2B_OUT);
            digest.update((byte) i);
            digest.update(DST_PRIME, 0, DST_PRIME.length);
            digest.doFinal(previous, 0);
            System.arraycopy(previous, 0, out, (i - 1) * BLAKE2B_OUT, BLAKE2B_OUT);
        }
        return java.util.Arrays.copyOf(out, length);
    }

    /** OS2IP of 64 bytes modulo p (RFC 9380 §5.2). */
    private static BigInteger fieldElement(byte[] uniform, int offset) {
        byte[] bytes = java.util.Arrays.copyOfRange(uniform, offset, offset + ELEMENT_LENGTH);
        return new BigInteger(1, bytes).mod(Bls12381.P);
    }

    /**
     * The simplified SWU map to E' (RFC 9380 §6.6.2, as kilic writes it: x1 = −B/A · (1 + 1/(Z²u⁴ + Zu²)), or
     * −B/(Z·A) when the inverse is zero) followed by the 11-isogeny to E.
     */
    static ECP mapToCurve(BigInteger uValue) {
        FP u = fp(uValue);
        FP tv0 = copy(u);
        tv0.sqr();
        tv0.mul(fp(Z));
        FP tv1 = copy(tv0);
        tv1.sqr();
        FP x1 = copy(tv0);
        x1.add(tv1);
        x1.norm();
        if (x1.iszilch()) {
            x1 = fp(Z);
            x1.inverse();
        } else {
            x1.inverse();
            x1.add(fp(BigInteger.ONE));
        }
        x1.mul(fp(MINUS_B_OVER_A));
        x1.norm();
        FP gx1 = curveOfIsogeny(x1);
        FP x;
        FP y;
        if (gx1.jacobi() == 1) {
            x = x1;
            y = gx1.sqrt();
        } else {
            x = copy(tv0);
            x.mul(x1);
            FP gx2 = copy(gx1);
            gx2.mul(tv0);
            gx2.mul(tv1);
            y = gx2.sqrt();
        }
        x.norm();
        y.norm();
        if (Bls12381.isLarger(value(y)) != Bls12381.isLarger(uValue)) {
            y.neg();
            y.norm();
        }
        return isogeny(x, y);
    }

    /** g'(x) = x³ + A'x + B'. */
    private static FP curveOfIsogeny(FP x) {
        FP gx = copy(x);
        gx.sqr();
        gx.add(fp(A));
        gx.mul(x);
        gx.add(fp(B));
        gx.norm();
        return gx;
    }

    /** (x, y) on E' to E: (x_num/x_den, y · y_num/y_den), each polynomial in x' by Horner's rule. */
    private static ECP isogeny(FP xPrime, FP yPrime) {
        FP xNum = polynomial(X_NUM_FP, xPrime);
        FP xDen = polynomial(X_DEN_FP, xPrime);
        FP yNum = polynomial(Y_NUM_FP, xPrime);
        FP yDen = polynomial(Y_DEN_FP, xPrime);
        xDen.inverse();
        xNum.mul(xDen);
        yDen.inverse();
        yNum.mul(yDen);
        yNum.mul(yPrime);
        ECP point = new ECP(Bls12381.big(value(xNum)), Bls12381.big(value(yNum)));
        if (point.is_infinity()) {
            throw new IllegalStateException("the isogeny left the curve");
        }
        return point;
    }

    /** The shared coefficients are only copied, never handed to Milagro, whose objects change in place. */
    private static FP polynomial(FP[] coefficients, FP x) {
        FP result = copy(coefficients[coefficients.length - 1]);
        for (int i = coefficients.length - 2; i >= 0; i--) {
            result.mul(x);
            result.add(copy(coefficients[i]));
            result.norm();
        }
        return result;
    }

    private static FP[] fps(BigInteger[] values) {
        FP[] out = new FP[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = fp(values[i]);
        }
        return out;
    }

    private static FP fp(BigInteger value) {
        return new FP(Bls12381.big(value));
    }

    private static FP copy(FP value) {
        return new FP(value);
    }

    private static BigInteger value(FP element) {
        return Bls12381.integer(element.redc());
    }

    private static byte[] dstPrime(byte[] dst) {
        byte[] out = java.util.Arrays.copyOf(dst, dst.length + 1);
        out[dst.length] = (byte) dst.length;
        return out;
    }

    private static BigInteger hex(String digits) {
        return new BigInteger(digits, 16);
    }

    private static BigInteger[] hexes(String... digits) {
        BigInteger[] out = new BigInteger[digits.length];
        for (int i = 0; i < digits.length; i++) {
            out[i] = hex(digits[i]);
        }
        return out;
    }
}
