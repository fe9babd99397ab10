package org.eekms.crypto.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.crypto.threshold.ShamirSecretSplitter;
import org.bouncycastle.crypto.threshold.ShamirSplitSecret;
import org.bouncycastle.crypto.threshold.ShamirSplitSecretShare;
import org.eekms.crypto.SecretBytes;
import org.eekms.crypto.SecretSplitter;
import org.eekms.problem.InvalidRequestException;

/**
 * {@link SecretSplitter} on BouncyCastle's Shamir splitter, laid out as HashiCorp Vault's shares: y-bytes ‖ x.
 *
 * <p>What this relies on in BouncyCastle (1.87; the tests pin each point): {@code Algorithm.AES} is GF(2^8) reduced
 * by 0x11B, the field of Vault's log/exp tables; {@code resplit(secret, m, n)} makes one polynomial per secret byte,
 * the byte as constant term and m − 1 random coefficients, and returns its values at x = 1, 2, …, n in that order;
 * {@code ShamirSplitSecret.getSecret()} is Lagrange interpolation at 0 over the x each share carries, as Vault's
 * {@code Combine}. Its multiplication and division are computed, not looked up, and never branch on an operand;
 * {@code Mode} no longer selects anything. It rejects neither an x of 0 nor a repeated x (division by zero gives 0, so
 * the secret just comes out wrong): {@link #combine} checks both first.
 *
 * <p>Shares made here have x = 1..n, which is what Vault's {@code Split} did until it began drawing the x values from
 * a (non-cryptographic) shuffle of 1..255. Which x a share has is public and makes no difference to {@code Combine}.
 *
 * <p>Every copy made here is overwritten after use. BouncyCastle keeps copies it does not clear (the secret and the
 * coefficients inside {@code resplit}, each share inside {@code ShamirSplitSecretShare}); they are unreachable as soon
 * as a call returns.
 */
public final class VaultShamirSplitter implements SecretSplitter {

    public static final VaultShamirSplitter INSTANCE = new VaultShamirSplitter();

    /** BouncyCastle's limit on the length of a secret it splits. */
    static final int MAX_SECRET_LENGTH = 65534;

    private static final ShamirSecretSplitter.Algorithm AES_FIELD = ShamirSecretSplitter.Algorithm.AES;
    private static final String MALFORMED = "malformed_share";

    private final SecureRandom random = new SecureRandom();

    private VaultShamirSplitter() {
    }

    @Override
    public List<SecretBytes> split(SecretBytes secret, int parts, int threshold) {
        Objects.requireNonNull(secret, "secret");
        if (threshold < 2 || parts < threshold || parts > MAX_PARTS) {
            throw new InvalidRequestException("a Shamir split needs 2 <= threshold <= parts <= " + MAX_PARTS
                    + ", not threshold " + threshold + " of " + parts + " parts");
        }
        int length = secret.length();
        if (length == 0 || length > MAX_SECRET_LENGTH) {
            throw new IllegalArgumentException("a secret to split has 1 to " + MAX_SECRET_LENGTH + " bytes, not " + length);
        }
        List<SecretBytes> shares = new ArrayList<>(parts);
        byte[] value = secret.toByteArray();
        try {
            ShamirSplitSecretShare[] made = ShamirSecretSplitter.getInstance(AES_FIELD, length, random)
                    .resplit(value, threshold, parts)
                    .getSecretShares();
            for (int i = 0; i < parts; i++) {
                shares.add(vaultShare(made[i], i + 1));
            }
            checkRecombines(shares.subList(0, threshold), secret);
            return List.copyOf(shares);
        } catch (RuntimeException e) {
            shares.forEach(SecretBytes::destroy);
            throw e;
        } finally {
            Arrays.fill(value, (byte) 0);
        }
    }

    @Override
    public SecretBytes combine(List<SecretBytes> shares) {
        Objects.requireNonNull(shares, "shares");
        // Vault's Combine checks in this order; an x of 0 it would take as the secret itself, which Split never makes.
        if (shares.size() < 2) {
            throw new InvalidRequestException(MALFORMED, "at least two shares are needed to recombine a secret");
        }
        int length = shares.get(0).length();
        if (length < 2) {
            throw new InvalidRequestException(MALFORMED, "a share has at least two bytes");
        }
        for (SecretBytes share : shares) {
            if (share.length() != length) {
                throw new InvalidRequestException(MALFORMED, "the shares do not all have the same length");
            }
        }
        ShamirSplitSecretShare[] points = new ShamirSplitSecretShare[shares.size()];
        boolean[] seen = new boolean[256];
        for (int i = 0; i < points.length; i++) {
            byte[] share = shares.get(i).toByteArray();
            byte[] y = Arrays.copyOf(share, length - 1);
            try {
                int x = share[length - 1] & 0xFF; // public: Vault stores it in the clear; branching on it is safe
                if (x == 0) {
                    throw new InvalidRequestException(MALFORMED, "a share has the x coordinate 0");
                }
                if (seen[x]) {
                    throw new InvalidRequestException(MALFORMED, "two shares have the same x coordinate");
                }
                seen[x] = true;
                points[i] = new ShamirSplitSecretShare(y, x);
            } finally {
                Arrays.fill(share, (byte) 0);
                Arrays.fill(y, (byte) 0);
            }
        }
        byte[] secret = interpolateAtZero(points);
        try {
            return SecretBytes.copyOf(secret);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** Vault's layout of BouncyCastle's share at {@code x}: its y-bytes, then x. */
    private static SecretBytes vaultShare(ShamirSplitSecretShare made, int x) {
        byte[] y = encoded(made);
        byte[] share = Arrays.copyOf(y, y.length + 1);
        share[y.length] = (byte) x;
        try {
            return SecretBytes.copyOf(share);
        } finally {
            Arrays.fill(y, (byte) 0);
            Arrays.fill(share, (byte) 0);
        }
    }

    /**
     * BouncyCastle does not say which x a share of {@code resplit} has; that the i-th has i + 1 is checked on every
     * split, so that a library change cannot hand out shares that do not give the secret back.
     */
    private void checkRecombines(List<SecretBytes> shares, SecretBytes secret) {
        SecretBytes recombined = combine(shares);
        try {
            if (!recombined.equalsSecret(secret)) {
                throw new IllegalStateException("BouncyCastle's Shamir shares do not have the x coordinates expected");
            }
        } finally {
            recombined.destroy();
        }
    }

    private static byte[] interpolateAtZero(ShamirSplitSecretShare[] points) {
        try {
            return ShamirSplitSecret.getInstance(AES_FIELD, points).getSecret();
        } catch (IOException e) {
            throw new IllegalStateException("in-memory shares cannot fail to encode", e);
        }
    }

    private static byte[] encoded(ShamirSplitSecretShare share) {
        try {
            return share.getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("in-memory shares cannot fail to encode", e);
        }
    }
}
