package org.eekms.crypto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The "other implementation" of Vault's Shamir format the splitter is checked against, written plainly and without
 * BouncyCastle: GF(2^8) through log/exp tables of the generator {e5} (as Vault's {@code shamir} package does, and
 * unlike BouncyCastle's shift-and-add multiplication), Horner evaluation, and Lagrange interpolation at 0. Secrets
 * here are plain arrays; it is test code, never given real key material.
 */
public final class ShamirReference {

    /** EXP[i] = {e5}^i, LOG[EXP[i]] = i (i in 0..254); EXP[255] = EXP[0] = 1 as in Vault's table. */
    static final int[] EXP = new int[256];
    static final int[] LOG = new int[256];

    static {
        int power = 1;
        for (int i = 0; i < 255; i++) {
            EXP[i] = power;
            LOG[power] = i;
            power = timesByShifting(power, 0xe5);
        }
        EXP[255] = EXP[0];
    }

    private ShamirReference() {
    }

    /** Only to build the tables: schoolbook product reduced by the AES polynomial x^8+x^4+x^3+x+1 (0x11B). */
    private static int timesByShifting(int a, int b) {
        int product = 0;
        for (int bit = 0; bit < 8; bit++) {
            if ((b & (1 << bit)) != 0) {
                product ^= a;
            }
            a <<= 1;
            if ((a & 0x100) != 0) {
                a ^= 0x11B;
            }
        }
        return product;
    }

    public static int add(int a, int b) {
        return a ^ b;
    }

    public static int mul(int a, int b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return EXP[(LOG[a] + LOG[b]) % 255];
    }

    public static int div(int a, int b) {
        if (b == 0) {
            throw new ArithmeticException("division by zero in GF(2^8)");
        }
        if (a == 0) {
            return 0;
        }
        return EXP[(LOG[a] - LOG[b] + 255) % 255];
    }

    /** c[0] + c[1]·x + c[2]·x^2 + …, by Horner's rule. */
    public static int evaluate(int[] coefficients, int x) {
        int y = 0;
        for (int i = coefficients.length - 1; i >= 0; i--) {
            y = add(mul(y, x), coefficients[i]);
        }
        return y;
    }

    /** Vault's share layout for given polynomials (one per secret byte, constant term = the byte) and x values. */
    public static List<byte[]> shares(int[][] polynomials, int... xs) {
        List<byte[]> shares = new ArrayList<>();
        for (int x : xs) {
            byte[] share = new byte[polynomials.length + 1];
            for (int i = 0; i < polynomials.length; i++) {
                share[i] = (byte) evaluate(polynomials[i], x);
            }
            share[polynomials.length] = (byte) x;
            shares.add(share);
        }
        return shares;
    }

    /** A split as Vault's Split makes it: random coefficients, x drawn from a shuffle of 1..255. */
    public static List<byte[]> split(byte[] secret, int parts, int threshold, Random random) {
        int[][] polynomials = new int[secret.length][threshold];
        for (int i = 0; i < secret.length; i++) {
            polynomials[i][0] = secret[i] & 0xFF;
            for (int j = 1; j < threshold; j++) {
                polynomials[i][j] = random.nextInt(256);
            }
        }
        List<Integer> xs = new ArrayList<>();
        for (int x = 1; x <= 255; x++) {
            xs.add(x);
        }
        Collections.shuffle(xs, random);
        return shares(polynomials, xs.subList(0, parts).stream().mapToInt(Integer::intValue).toArray());
    }

    /** Lagrange interpolation at 0 of each byte position: the secret, for at least threshold shares of one split. */
    public static byte[] combine(List<byte[]> shares) {
        int length = shares.get(0).length - 1;
        int[] xs = shares.stream().mapToInt(share -> share[length] & 0xFF).toArray();
        byte[] secret = new byte[length];
        for (int at = 0; at < length; at++) {
            int value = 0;
            for (int i = 0; i < xs.length; i++) {
                // basis polynomial i at 0: the product over j != i of (0 - x_j) / (x_i - x_j); minus is plus here
                int basis = 1;
                for (int j = 0; j < xs.length; j++) {
                    if (j != i) {
                        basis = mul(basis, div(xs[j], add(xs[i], xs[j])));
                    }
                }
                value = add(value, mul(shares.get(i)[at] & 0xFF, basis));
            }
            secret[at] = (byte) value;
        }
        return secret;
    }

    /** The raw bytes of shares, for handing them to the reference. */
    public static List<byte[]> raw(List<SecretBytes> shares) {
        return shares.stream().map(SecretBytes::toByteArray).toList();
    }

    public static List<SecretBytes> wrap(List<byte[]> shares) {
        return shares.stream().map(SecretBytes::copyOf).toList();
    }

    /** All size-k subsets of 0..n-1, each as ascending indices. */
    public static List<int[]> subsets(int n, int k) {
        List<int[]> out = new ArrayList<>();
        collect(n, k, 0, new int[0], out);
        return out;
    }

    private static void collect(int n, int k, int from, int[] chosen, List<int[]> out) {
        if (chosen.length == k) {
            out.add(chosen);
            return;
        }
        for (int i = from; i < n; i++) {
            int[] next = Arrays.copyOf(chosen, chosen.length + 1);
            next[chosen.length] = i;
            collect(n, k, i + 1, next, out);
        }
    }

    public static <T> List<T> pick(List<T> items, int[] indices) {
        return Arrays.stream(indices).mapToObj(items::get).toList();
    }
}
