package org.eekms.crypto;

import java.util.List;
import org.eekms.crypto.internal.VaultShamirSplitter;

/**
 * Splits and combines secrets in HashiCorp Vault's Shamir share format (y-bytes ‖ x).
 *
 * <p>The format of Vault's {@code shamir} package, which TrustBloc's wallets use: the secret is split byte by byte,
 * each byte the constant term of its own random polynomial of degree {@code threshold - 1} over GF(2^8) with the AES
 * polynomial x^8 + x^4 + x^3 + x + 1. A share is the polynomial values at one point x, one byte per secret byte,
 * followed by one trailing byte, x itself (never 0, distinct across the shares of one split). Shares made by Vault's
 * {@code Split} combine here, and shares made here combine with Vault's {@code Combine}.
 *
 * <p>Shares are as secret as the secret: callers {@link SecretBytes#destroy() destroy} them, and the secret that
 * {@link #combine} returns, once used.
 */
public interface SecretSplitter {

    /** The most shares one split can make: x is one non-zero byte. */
    int MAX_PARTS = 255;

    /**
     * Splits a secret into {@code parts} shares, any {@code threshold} of which recombine it; fewer reveal nothing
     * about it. Each share is one byte longer than the secret. The caller keeps (and destroys) {@code secret}.
     *
     * @throws org.eekms.problem.InvalidRequestException (code {@code invalid_request}) unless
     *         2 ≤ threshold ≤ parts ≤ 255
     * @throws IllegalArgumentException when the secret is empty
     */
    List<SecretBytes> split(SecretBytes secret, int parts, int threshold);

    /**
     * Recombines the secret from shares of one split, in any order. Given fewer shares than the split's threshold, or
     * shares of different splits, it returns a wrong secret rather than failing: the format carries no check, so
     * callers verify the result (for example by opening something sealed under it).
     *
     * @throws org.eekms.problem.InvalidRequestException (code {@code malformed_share}) for fewer than two shares,
     *         shares of different lengths or shorter than two bytes, an x coordinate of 0, or two shares with the
     *         same x coordinate. The message never shows share bytes, nor which share was wrong.
     */
    SecretBytes combine(List<SecretBytes> shares);

    /** The Shamir splitter in Vault's share format. */
    static SecretSplitter shamir() {
        return VaultShamirSplitter.INSTANCE;
    }
}
