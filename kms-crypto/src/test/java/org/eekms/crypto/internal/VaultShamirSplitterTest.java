package org.eekms.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.bouncycastle.crypto.threshold.ShamirSecretSplitter;
import org.bouncycastle.crypto.threshold.ShamirSecretSplitter.Algorithm;
import org.bouncycastle.crypto.threshold.ShamirSecretSplitter.Mode;
import org.bouncycastle.crypto.threshold.ShamirSplitSecret;
import org.bouncycastle.crypto.threshold.ShamirSplitSecretShare;
import org.eekms.crypto.SecretBytes;
import org.eekms.crypto.ShamirReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What {@link VaultShamirSplitter} takes from BouncyCastle, checked against the independent reference: the field,
 * interpolation at arbitrary x, the x values of {@code resplit}, and what it leaves to the caller.
 */
class VaultShamirSplitterTest {

    private static final Random RANDOM = new Random(7_2024L);

    @Test
    void bouncyCastlesAesFieldIsVaultsFieldForEveryProduct() throws IOException {
        // one 256-byte share holding 0..255, multiplied by each b: every product, against the log/exp tables
        // (BouncyCastle refuses to multiply a share by 0)
        byte[] all = new byte[256];
        for (int a = 0; a < 256; a++) {
            all[a] = (byte) a;
        }
        for (int b = 1; b < 256; b++) {
            byte[] products = bouncyCastle(Algorithm.AES, Mode.Native, all).multiple(b).getSecretShares()[0].getEncoded();
            for (int a = 0; a < 256; a++) {
                assertEquals(ShamirReference.mul(a, b), products[a] & 0xFF, a + "·" + b);
            }
        }
    }

    @Test
    void bouncyCastlesAesFieldDividesAsVaultsField() throws IOException {
        byte[] all = new byte[256];
        for (int a = 0; a < 256; a++) {
            all[a] = (byte) a;
        }
        for (int b = 1; b < 256; b++) {
            byte[] quotients = bouncyCastle(Algorithm.AES, Mode.Native, all).divide(b).getSecretShares()[0].getEncoded();
            for (int a = 0; a < 256; a++) {
                assertEquals(ShamirReference.div(a, b), quotients[a] & 0xFF, a + "/" + b);
            }
        }
    }

    @Test
    void aesReducesByTheAesPolynomialAndRsaDoesNot() throws IOException {
        // FIPS-197 §4.2: {57}·{83} = {c1} under x^8+x^4+x^3+x+1 (0x11B); BouncyCastle's RSA field is 0x11D
        assertEquals((byte) 0xc1, bouncyCastle(Algorithm.AES, Mode.Native, new byte[] {0x57})
                .multiple(0x83).getSecretShares()[0].getEncoded()[0]);
        assertEquals((byte) 0xfe, bouncyCastle(Algorithm.AES, Mode.Table, new byte[] {0x57})
                .multiple(0x13).getSecretShares()[0].getEncoded()[0]);
        assertFalse(0xc1 == (bouncyCastle(Algorithm.RSA, Mode.Native, new byte[] {0x57})
                .multiple(0x83).getSecretShares()[0].getEncoded()[0] & 0xFF));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void bouncyCastleInterpolatesAtZeroLikeVaultForArbitraryX(Mode mode) throws IOException {
        for (int round = 0; round < 200; round++) {
            int threshold = 2 + RANDOM.nextInt(8);
            int parts = threshold + RANDOM.nextInt(4);
            byte[] secret = new byte[1 + RANDOM.nextInt(40)];
            RANDOM.nextBytes(secret);
            List<byte[]> shares = new ArrayList<>(ShamirReference.split(secret, parts, threshold, RANDOM));
            Collections.shuffle(shares, RANDOM);
            List<byte[]> chosen = shares.subList(0, threshold + RANDOM.nextInt(parts - threshold + 1));
            ShamirSplitSecretShare[] points = chosen.stream()
                    .map(share -> new ShamirSplitSecretShare(Arrays.copyOf(share, share.length - 1),
                            share[share.length - 1] & 0xFF))
                    .toArray(ShamirSplitSecretShare[]::new);
            byte[] combined = new ShamirSplitSecret(Algorithm.AES, mode, points).getSecret();
            assertArrayEquals(secret, combined);
            assertArrayEquals(ShamirReference.combine(chosen), combined);
        }
    }

    @Test
    void modeMakesNoDifference() throws IOException {
        List<byte[]> shares = ShamirReference.split(new byte[] {1, 2, 3, 4}, 6, 4, RANDOM);
        // below the threshold the result is not the secret but still a function of the shares and the field only
        List<byte[]> chosen = shares.subList(0, 3);
        ShamirSplitSecretShare[] points = chosen.stream()
                .map(share -> new ShamirSplitSecretShare(Arrays.copyOf(share, 4), share[4] & 0xFF))
                .toArray(ShamirSplitSecretShare[]::new);
        byte[] table = new ShamirSplitSecret(Algorithm.AES, Mode.Table, points).getSecret();
        byte[] plain = new ShamirSplitSecret(Algorithm.AES, Mode.Native, points).getSecret();
        assertArrayEquals(table, plain);
        assertArrayEquals(ShamirReference.combine(chosen), plain);
        assertArrayEquals(plain, ShamirSplitSecret.getInstance(Algorithm.AES, points).getSecret());
    }

    @Test
    void resplitEvaluatesAtOneToNWithTheSecretAsConstantTerm() throws IOException {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        ShamirSplitSecretShare[] made = ShamirSecretSplitter.getInstance(Algorithm.AES, secret.length, new SecureRandom())
                .resplit(secret, 3, 7).getSecretShares();
        assertEquals(7, made.length);
        List<byte[]> asVault = new ArrayList<>();
        for (int i = 0; i < made.length; i++) {
            byte[] y = made[i].getEncoded();
            assertEquals(secret.length, y.length);
            byte[] share = Arrays.copyOf(y, y.length + 1);
            share[y.length] = (byte) (i + 1);
            asVault.add(share);
        }
        // every 3 of them lie on one polynomial of degree 2 whose value at 0 is the secret
        for (int[] subset : ShamirReference.subsets(7, 3)) {
            assertArrayEquals(secret, ShamirReference.combine(ShamirReference.pick(asVault, subset)));
        }
    }

    @Test
    void bouncyCastleAloneAcceptsARepeatedOrZeroX() throws IOException {
        // why combine checks x itself: BouncyCastle divides by zero silently and answers something else
        List<byte[]> shares = ShamirReference.split(new byte[] {42, 43}, 3, 2, RANDOM);
        byte[] first = Arrays.copyOf(shares.get(0), 2);
        byte[] second = Arrays.copyOf(shares.get(1), 2);
        int x = shares.get(0)[2] & 0xFF;
        byte[] repeated = ShamirSplitSecret.getInstance(Algorithm.AES, new ShamirSplitSecretShare[] {
                new ShamirSplitSecretShare(first, x), new ShamirSplitSecretShare(second, x)}).getSecret();
        assertFalse(Arrays.equals(new byte[] {42, 43}, repeated));
        byte[] zero = ShamirSplitSecret.getInstance(Algorithm.AES, new ShamirSplitSecretShare[] {
                new ShamirSplitSecretShare(first, x), new ShamirSplitSecretShare(second, 0)}).getSecret();
        assertArrayEquals(second, zero, "x = 0 is taken for the secret itself");
    }

    @Test
    void secretsLongerThanBouncyCastlesLimitAreRefused() {
        SecretBytes tooLong = SecretBytes.random(VaultShamirSplitter.MAX_SECRET_LENGTH + 1);
        assertThrows(IllegalArgumentException.class, () -> VaultShamirSplitter.INSTANCE.split(tooLong, 2, 2));
        SecretBytes longest = SecretBytes.random(VaultShamirSplitter.MAX_SECRET_LENGTH);
        assertTrue(longest.equalsSecret(VaultShamirSplitter.INSTANCE.combine(
                VaultShamirSplitter.INSTANCE.split(longest, 2, 2))));
    }

    private static ShamirSplitSecret bouncyCastle(Algorithm algorithm, Mode mode, byte[] y) {
        return new ShamirSplitSecret(algorithm, mode, new ShamirSplitSecretShare[] {new ShamirSplitSecretShare(y, 1)});
    }
}
