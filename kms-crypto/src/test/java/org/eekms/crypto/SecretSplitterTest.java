package org.eekms.crypto;

import static org.eekms.crypto.ShamirReference.pick;
import static org.eekms.crypto.ShamirReference.raw;
import static org.eekms.crypto.ShamirReference.subsets;
import static org.eekms.crypto.ShamirReference.wrap;
import static org.eekms.crypto.TestData.hex;
import static org.eekms.crypto.TestData.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.eekms.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SecretSplitterTest {

    private static final SecretSplitter SHAMIR = SecretSplitter.shamir();

    /*
     * Known answers, made by hand in Vault's layout (y-bytes ‖ x). Products in GF(2^8) by the xtime rule of
     * FIPS-197 §4.2.1: v·{02} is v shifted left one bit, XORed with {1b} when a bit falls off the top; v·b is the XOR
     * of v·{02}^i over the bits i of b. Addition is XOR.
     *
     * 2-of-2, secret {4b}{4d}, one degree-1 polynomial per byte, x values {83} and {13}:
     *   byte 0: f(x) = {4b} ⊕ {57}·x        byte 1: g(x) = {4d} ⊕ {a4}·x
     *   xtime chains   {57}: ·{02}={ae} ·{04}={47} ·{08}={8e} ·{10}={07} ·{20}={0e} ·{40}={1c} ·{80}={38}
     *                  {a4}: ·{02}={53} ·{04}={a6} ·{08}={57} ·{10}={ae} ·{20}={47} ·{40}={8e} ·{80}={07}
     *   share A, x = {83} = {80}⊕{02}⊕{01}
     *     {57}·{83} = {38}⊕{ae}⊕{57} = {c1} (FIPS-197's own example)    f = {4b}⊕{c1} = {8a}
     *     {a4}·{83} = {07}⊕{53}⊕{a4} = {f0}                              g = {4d}⊕{f0} = {bd}
     *   share B, x = {13} = {10}⊕{02}⊕{01}
     *     {57}·{13} = {07}⊕{ae}⊕{57} = {fe} (FIPS-197's own example)    f = {4b}⊕{fe} = {b5}
     *     {a4}·{13} = {ae}⊕{53}⊕{a4} = {59}                              g = {4d}⊕{59} = {14}
     */
    private static final byte[] SECRET_2_OF_2 = hex("4b4d");
    private static final List<byte[]> SHARES_2_OF_2 = List.of(hex("8abd83"), hex("b51413"));

    /*
     * 3-of-5, secret {53}{ca}, one degree-2 polynomial per byte, evaluated by Horner's rule:
     *   byte 0: f(x) = {53} ⊕ {1c}·x ⊕ {8e}·x² = ({8e}·x ⊕ {1c})·x ⊕ {53}
     *   byte 1: g(x) = {ca} ⊕ {02}·x ⊕ {7f}·x² = ({7f}·x ⊕ {02})·x ⊕ {ca}
     *   xtime chains (·{02} ·{04} ·{08} ·{10} ·{20} ·{40} ·{80}, as far as needed)
     *     {8e}: {07} {0e} {1c} {38} {70} {e0} {db}     {7f}: {fe} {e7} {d5} {b1} {79} {f2} {ff}
     *     {9c}: {23} {46}                              {9a}: {2f} {5e}
     *     {77}: {ee} {c7} {95} {31} {62}               {50}: {a0} {5b} {b6} {77} {ee}
     *     {71}: {e2} {df} {a5} {51} {a2} {5f} {be}     {33}: {66} {cc} {83} {1d} {3a} {74} {e8}
     *     {96}: {37} {6e} {dc} {a3} {5d} {ba} {6f}     {3f}: {7e} {fc} {e3} {dd} {a1} {59} {b2}
     *     {f4}: {f3} {fd} {e1} {d9} {a9} {49} {92}     {74}: {e8} {cb} {8d} {01} {02} {04} {08}
     *   x = {05} = {04}⊕{01}
     *     {8e}·{05} = {0e}⊕{8e} = {80}; ⊕{1c} = {9c}; {9c}·{05} = {46}⊕{9c} = {da}; f = {da}⊕{53} = {89}
     *     {7f}·{05} = {e7}⊕{7f} = {98}; ⊕{02} = {9a}; {9a}·{05} = {5e}⊕{9a} = {c4}; g = {c4}⊕{ca} = {0e}
     *   x = {2a} = {20}⊕{08}⊕{02}
     *     {8e}·{2a} = {70}⊕{1c}⊕{07} = {6b}; ⊕{1c} = {77}; {77}·{2a} = {62}⊕{95}⊕{ee} = {19}; f = {4a}
     *     {7f}·{2a} = {79}⊕{d5}⊕{fe} = {52}; ⊕{02} = {50}; {50}·{2a} = {ee}⊕{b6}⊕{a0} = {f8}; g = {32}
     *   x = {91} = {80}⊕{10}⊕{01}
     *     {8e}·{91} = {db}⊕{38}⊕{8e} = {6d}; ⊕{1c} = {71}; {71}·{91} = {be}⊕{51}⊕{71} = {9e}; f = {cd}
     *     {7f}·{91} = {ff}⊕{b1}⊕{7f} = {31}; ⊕{02} = {33}; {33}·{91} = {e8}⊕{1d}⊕{33} = {c6}; g = {0c}
     *   x = {d3} = {80}⊕{40}⊕{10}⊕{02}⊕{01}
     *     {8e}·{d3} = {db}⊕{e0}⊕{38}⊕{07}⊕{8e} = {8a}; ⊕{1c} = {96}
     *     {96}·{d3} = {6f}⊕{ba}⊕{a3}⊕{37}⊕{96} = {d7}; f = {d7}⊕{53} = {84}
     *     {7f}·{d3} = {ff}⊕{f2}⊕{b1}⊕{fe}⊕{7f} = {3d}; ⊕{02} = {3f}
     *     {3f}·{d3} = {b2}⊕{59}⊕{dd}⊕{7e}⊕{3f} = {77}; g = {77}⊕{ca} = {bd}
     *   x = {ff}, every bit: the product is the XOR of the multiplicand and its whole chain
     *     {8e}·{ff} = {8e}⊕{07}⊕{0e}⊕{1c}⊕{38}⊕{70}⊕{e0}⊕{db} = {e8}; ⊕{1c} = {f4}
     *     {f4}·{ff} = {f4}⊕{f3}⊕{fd}⊕{e1}⊕{d9}⊕{a9}⊕{49}⊕{92} = {b0}; f = {b0}⊕{53} = {e3}
     *     {7f}·{ff} = {7f}⊕{fe}⊕{e7}⊕{d5}⊕{b1}⊕{79}⊕{f2}⊕{ff} = {76}; ⊕{02} = {74}
     *     {74}·{ff} = {74}⊕{e8}⊕{cb}⊕{8d}⊕{01}⊕{02}⊕{04}⊕{08} = {d5}; g = {d5}⊕{ca} = {1f}
     */
    private static final byte[] SECRET_3_OF_5 = hex("53ca");
    private static final List<byte[]> SHARES_3_OF_5 =
            List.of(hex("890e05"), hex("4a322a"), hex("cd0c91"), hex("84bdd3"), hex("e31fff"));

    private static final Random RANDOM = new Random(20240611L);

    // ---- known answers

    @Test
    void combinesTheHandMade2Of2SharesInEitherOrder() {
        assertArrayEquals(SECRET_2_OF_2, combine(SHARES_2_OF_2));
        assertArrayEquals(SECRET_2_OF_2, combine(List.of(SHARES_2_OF_2.get(1), SHARES_2_OF_2.get(0))));
    }

    @Test
    void combinesEveryThreeOrMoreOfTheHandMade3Of5Shares() {
        for (int k = 3; k <= 5; k++) {
            for (int[] subset : subsets(5, k)) {
                List<byte[]> chosen = new ArrayList<>(pick(SHARES_3_OF_5, subset));
                assertArrayEquals(SECRET_3_OF_5, combine(chosen), () -> "shares " + Arrays.toString(subset));
                Collections.reverse(chosen);
                assertArrayEquals(SECRET_3_OF_5, combine(chosen));
            }
        }
    }

    @Test
    void twoOfTheHandMade3Of5SharesGiveAnotherSecret() {
        for (int[] pair : subsets(5, 2)) {
            assertFalse(Arrays.equals(SECRET_3_OF_5, combine(pick(SHARES_3_OF_5, pair))));
        }
    }

    @Test
    void theReferenceMakesTheHandMadeShares() {
        // the worked examples above and the reference agree, so each vouches for the other
        assertShareBytes(SHARES_2_OF_2, ShamirReference.shares(new int[][] {{0x4b, 0x57}, {0x4d, 0xa4}}, 0x83, 0x13));
        assertShareBytes(SHARES_3_OF_5, ShamirReference.shares(new int[][] {{0x53, 0x1c, 0x8e}, {0xca, 0x02, 0x7f}},
                0x05, 0x2a, 0x91, 0xd3, 0xff));
        assertArrayEquals(SECRET_2_OF_2, ShamirReference.combine(SHARES_2_OF_2));
        assertArrayEquals(SECRET_3_OF_5, ShamirReference.combine(SHARES_3_OF_5.subList(2, 5)));
    }

    @Test
    void referenceFieldIsVaultsField() {
        // Vault's shamir/tables.go: exp table of the generator {e5}, first and last entries, and log table entries
        assertArrayEquals(new int[] {0x01, 0xe5, 0x4c, 0xb5, 0xfb, 0x9f, 0xfc, 0x12},
                Arrays.copyOfRange(ShamirReference.EXP, 0, 8));
        assertArrayEquals(new int[] {0xaa, 0xcd, 0x9a, 0xa0, 0x75, 0x54, 0x0e, 0x01},
                Arrays.copyOfRange(ShamirReference.EXP, 248, 256));
        // (Vault's log table has 255 for 1 where the reference has 0; both are 0 modulo 255)
        assertArrayEquals(new int[] {0xc8, 0x08, 0x91, 0x10, 0xd0, 0x36, 0x5a},
                Arrays.copyOfRange(ShamirReference.LOG, 2, 9));
        // Vault's shamir_test.go field tests
        assertEquals(0, ShamirReference.add(16, 16));
        assertEquals(7, ShamirReference.add(3, 4));
        assertEquals(9, ShamirReference.mul(3, 7));
        assertEquals(0, ShamirReference.mul(3, 0));
        assertEquals(0, ShamirReference.div(0, 7));
        assertEquals(1, ShamirReference.div(3, 3));
        assertEquals(2, ShamirReference.div(6, 3));
        // FIPS-197 §4.2 examples, which need the reduction by x^8+x^4+x^3+x+1
        assertEquals(0xc1, ShamirReference.mul(0x57, 0x83));
        assertEquals(0xfe, ShamirReference.mul(0x57, 0x13));
    }

    // ---- properties of split and combine

    @Test
    void anyThresholdOfFiveSharesRecombinesInAnyOrder() {
        SecretBytes secret = SecretBytes.random(32);
        List<SecretBytes> shares = SHAMIR.split(secret, 5, 3);
        for (int k = 3; k <= 5; k++) {
            for (int[] subset : subsets(5, k)) {
                List<SecretBytes> chosen = new ArrayList<>(pick(shares, subset));
                assertTrue(secret.equalsSecret(SHAMIR.combine(chosen)));
                Collections.shuffle(chosen, RANDOM);
                assertTrue(secret.equalsSecret(SHAMIR.combine(chosen)));
            }
        }
    }

    @Test
    void everyOrderOfThreeSharesRecombines() {
        SecretBytes secret = SecretBytes.random(16);
        List<SecretBytes> shares = SHAMIR.split(secret, 3, 3);
        for (int[] order : new int[][] {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}}) {
            assertTrue(secret.equalsSecret(SHAMIR.combine(pick(shares, order))));
        }
    }

    @ParameterizedTest
    @CsvSource({"3, 5", "3, 3", "4, 7", "5, 5", "10, 12"})
    void oneShareFewerThanTheThresholdGivesAnotherSecret(int threshold, int parts) {
        SecretBytes secret = SecretBytes.random(32);
        List<SecretBytes> shares = SHAMIR.split(secret, parts, threshold);
        for (int[] subset : subsets(parts, threshold - 1)) {
            assertFalse(secret.equalsSecret(SHAMIR.combine(pick(shares, subset))));
        }
    }

    @Test
    void oneShareOfATwoOfNSplitIsRefused() {
        List<SecretBytes> shares = SHAMIR.split(SecretBytes.random(32), 3, 2);
        assertMalformed(() -> SHAMIR.combine(shares.subList(0, 1)));
    }

    static Stream<Arguments> splits() {
        return Stream.of(
                Arguments.of(1, 2, 2),
                Arguments.of(2, 2, 2),
                Arguments.of(32, 2, 2),
                Arguments.of(32, 5, 3),
                Arguments.of(3, 255, 2),
                Arguments.of(3, 255, 255),
                Arguments.of(1000, 4, 3));
    }

    @ParameterizedTest(name = "{0}-byte secret, {2} of {1}")
    @MethodSource("splits")
    void sharesAreSecretLengthPlusOneWithDistinctNonZeroTrailingX(int length, int parts, int threshold) {
        SecretBytes secret = SecretBytes.random(length);
        List<SecretBytes> shares = SHAMIR.split(secret, parts, threshold);
        assertEquals(parts, shares.size());
        Set<Integer> xs = new HashSet<>();
        for (SecretBytes share : shares) {
            byte[] bytes = share.toByteArray();
            assertEquals(length + 1, bytes.length);
            int x = bytes[length] & 0xFF;
            assertNotEquals(0, x);
            assertTrue(xs.add(x), "x coordinates are distinct");
        }
        assertTrue(secret.equalsSecret(SHAMIR.combine(shares.subList(parts - threshold, parts))));
    }

    @Test
    void aOneByteSecretRoundTrips() {
        // Vault's smallest case: two-byte shares
        for (int value = 0; value < 256; value++) {
            SecretBytes secret = SecretBytes.copyOf(new byte[] {(byte) value});
            assertTrue(secret.equalsSecret(SHAMIR.combine(SHAMIR.split(secret, 2, 2))));
        }
    }

    @Test
    void eachSplitDrawsFreshPolynomials() {
        SecretBytes secret = SecretBytes.copyOf(utf8("the same secret, split twice"));
        List<byte[]> first = raw(SHAMIR.split(secret, 2, 2));
        List<byte[]> second = raw(SHAMIR.split(secret, 2, 2));
        assertFalse(Arrays.equals(first.get(0), second.get(0)));
        assertFalse(Arrays.equals(first.get(1), second.get(1)));
    }

    @Test
    void aShareAloneIsNotTheSecret() {
        byte[] secret = new byte[32];
        List<byte[]> shares = raw(SHAMIR.split(SecretBytes.copyOf(secret), 2, 2));
        for (byte[] share : shares) {
            assertFalse(Arrays.equals(secret, Arrays.copyOf(share, 32)));
        }
    }

    // ---- interoperability with the independent reference

    @ParameterizedTest
    @CsvSource({"2, 2", "3, 5", "5, 5", "2, 255", "7, 9"})
    void sharesMadeHereCombineInTheReference(int threshold, int parts) {
        for (int round = 0; round < 5; round++) {
            byte[] secret = randomBytes(1 + RANDOM.nextInt(48));
            List<byte[]> shares = raw(SHAMIR.split(SecretBytes.copyOf(secret), parts, threshold));
            List<byte[]> chosen = new ArrayList<>(shares);
            Collections.shuffle(chosen, RANDOM);
            assertArrayEquals(secret, ShamirReference.combine(chosen.subList(0, threshold)));
            assertArrayEquals(secret, ShamirReference.combine(chosen));
        }
    }

    @ParameterizedTest
    @CsvSource({"2, 2", "3, 5", "5, 5", "2, 255", "255, 255", "7, 9"})
    void sharesMadeByTheReferenceWithVaultsRandomXCombineHere(int threshold, int parts) {
        for (int round = 0; round < 5; round++) {
            byte[] secret = randomBytes(1 + RANDOM.nextInt(48));
            List<byte[]> shares = new ArrayList<>(ShamirReference.split(secret, parts, threshold, RANDOM));
            Collections.shuffle(shares, RANDOM);
            assertArrayEquals(secret, SHAMIR.combine(wrap(shares.subList(0, threshold))).toByteArray());
            assertArrayEquals(secret, SHAMIR.combine(wrap(shares)).toByteArray());
        }
    }

    @Test
    void everyPairOfXValuesWorks() {
        // all 255·254/2 pairs of x coordinates of a 2-of-n split, through the reference and back
        byte[] secret = randomBytes(4);
        int[][] polynomials = new int[secret.length][];
        for (int i = 0; i < secret.length; i++) {
            polynomials[i] = new int[] {secret[i] & 0xFF, 1 + RANDOM.nextInt(255)};
        }
        int[] xs = new int[255];
        for (int x = 1; x <= 255; x++) {
            xs[x - 1] = x;
        }
        List<byte[]> shares = ShamirReference.shares(polynomials, xs);
        for (int[] pair : subsets(255, 2)) {
            assertArrayEquals(secret, SHAMIR.combine(wrap(pick(shares, pair))).toByteArray());
        }
    }

    // ---- malformed input

    @Test
    void vaultsInvalidCombineCasesAreRefused() {
        // the cases of Vault's TestCombine_invalid
        assertMalformed(() -> SHAMIR.combine(List.of()));
        assertMalformed(() -> SHAMIR.combine(wrap(List.of(utf8("foo"), utf8("ba")))));
        assertMalformed(() -> SHAMIR.combine(wrap(List.of(utf8("f"), utf8("b")))));
        assertMalformed(() -> SHAMIR.combine(wrap(List.of(utf8("foo"), utf8("foo")))));
    }

    @Test
    void fewerThanTwoSharesAreRefused() {
        assertMalformed(() -> SHAMIR.combine(List.of()));
        assertMalformed(() -> SHAMIR.combine(wrap(List.of(SHARES_3_OF_5.get(0)))));
    }

    @Test
    void sharesOfDifferentLengthsAreRefused() {
        List<byte[]> shares = new ArrayList<>(SHARES_3_OF_5.subList(0, 3));
        shares.set(2, hex("cd0c0c91"));
        assertMalformed(() -> SHAMIR.combine(wrap(shares)));
        shares.set(2, hex("cd91"));
        assertMalformed(() -> SHAMIR.combine(wrap(shares)));
    }

    @Test
    void sharesShorterThanTwoBytesAreRefused() {
        assertMalformed(() -> SHAMIR.combine(wrap(List.of(hex("01"), hex("02")))));
        assertMalformed(() -> SHAMIR.combine(wrap(List.of(new byte[0], new byte[0]))));
    }

    @Test
    void anXCoordinateOfZeroIsRefused() {
        assertMalformed(() -> SHAMIR.combine(wrap(List.of(hex("890e05"), hex("4a3200")))));
        assertMalformed(() -> SHAMIR.combine(wrap(List.of(hex("4b4d00"), hex("890e05"), hex("4a322a")))));
    }

    @Test
    void twoSharesWithTheSameXAreRefused() {
        assertMalformed(() -> SHAMIR.combine(wrap(List.of(hex("890e05"), hex("890e05")))));
        assertMalformed(() -> SHAMIR.combine(wrap(List.of(hex("890e05"), hex("4a322a"), hex("cd0c05")))));
        List<byte[]> shares = new ArrayList<>(SHARES_3_OF_5);
        shares.add(SHARES_3_OF_5.get(4));
        assertMalformed(() -> SHAMIR.combine(wrap(shares)));
    }

    @Test
    void refusalsShowNoShareBytes() {
        byte[] share = hex("a1b2c3d4e5f60719");
        byte[] same = share.clone();
        byte[] zero = hex("a1b2c3d4e5f60700");
        for (List<byte[]> shares : List.of(List.of(share), List.of(share, same), List.of(share, zero),
                List.of(share, hex("a1b2")))) {
            InvalidRequestException refused = assertMalformed(() -> SHAMIR.combine(wrap(shares)));
            String message = refused.getMessage().toLowerCase();
            for (String shown : List.of("a1b2", "c3d4", "0719", "161", "-95", "[")) {
                assertFalse(message.contains(shown), message);
            }
        }
    }

    @Test
    void vaultsInvalidSplitCasesAreRefused() {
        // the cases of Vault's TestSplit_invalid, with our argument order (parts, threshold)
        SecretBytes secret = SecretBytes.copyOf(utf8("test"));
        assertInvalidSplit(() -> SHAMIR.split(secret, 0, 0));
        assertInvalidSplit(() -> SHAMIR.split(secret, 2, 3));
        assertInvalidSplit(() -> SHAMIR.split(secret, 1000, 3));
        assertInvalidSplit(() -> SHAMIR.split(secret, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> SHAMIR.split(SecretBytes.copyOf(new byte[0]), 3, 2));
    }

    @Test
    void splitBoundsAreTwoToTwoHundredFiftyFive() {
        SecretBytes secret = SecretBytes.random(8);
        assertInvalidSplit(() -> SHAMIR.split(secret, 256, 2));
        assertInvalidSplit(() -> SHAMIR.split(secret, 256, 256));
        assertInvalidSplit(() -> SHAMIR.split(secret, 1, 1));
        assertInvalidSplit(() -> SHAMIR.split(secret, -1, 2));
        assertInvalidSplit(() -> SHAMIR.split(secret, 2, -1));
        assertEquals(255, SHAMIR.split(secret, 255, 255).size());
        assertEquals(2, SHAMIR.split(secret, 2, 2).size());
    }

    // ---- ownership of the bytes

    @Test
    void splitLeavesTheCallersSecretIntact() {
        byte[] value = randomBytes(32);
        SecretBytes secret = SecretBytes.copyOf(value);
        SHAMIR.split(secret, 3, 2);
        assertArrayEquals(value, secret.toByteArray());
    }

    @Test
    void theCombinedSecretIsIndependentOfTheShares() {
        List<SecretBytes> shares = wrap(SHARES_2_OF_2);
        SecretBytes combined = SHAMIR.combine(shares);
        shares.forEach(SecretBytes::destroy);
        assertArrayEquals(SECRET_2_OF_2, combined.toByteArray());
    }

    @Test
    void combineLeavesTheSharesIntact() {
        List<SecretBytes> shares = wrap(SHARES_3_OF_5);
        SHAMIR.combine(shares);
        for (int i = 0; i < shares.size(); i++) {
            assertArrayEquals(SHARES_3_OF_5.get(i), shares.get(i).toByteArray());
        }
    }

    @Test
    void splitSharesAreIndependentAndUnmodifiable() {
        List<SecretBytes> shares = SHAMIR.split(SecretBytes.random(16), 3, 2);
        assertThrows(UnsupportedOperationException.class, () -> shares.add(SecretBytes.random(17)));
        shares.get(0).destroy();
        assertFalse(Arrays.equals(new byte[17], shares.get(1).toByteArray()));
    }

    @Test
    void shamirIsOneSharedInstance() {
        assertSame(SecretSplitter.shamir(), SecretSplitter.shamir());
    }

    // ---- helpers

    private static byte[] combine(List<byte[]> shares) {
        return SHAMIR.combine(wrap(shares)).toByteArray();
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static void assertShareBytes(List<byte[]> expected, List<byte[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "share " + i);
        }
    }

    private static InvalidRequestException assertMalformed(Executable call) {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class, call);
        assertEquals("malformed_share", refused.code());
        return refused;
    }

    private static void assertInvalidSplit(Executable call) {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class, call);
        assertEquals("invalid_request", refused.code());
    }
}
