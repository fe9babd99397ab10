package org.eekms.keystore.rest;

import org.eekms.keystore.boundary.KeyCrypto;
import org.eekms.keystore.rest.WrapMessages.OpenResponse;
import org.eekms.problem.InvalidRequestException;
import org.eekms.problem.VerificationFailedException;
import org.eekms.secretlock.control.LockCredentials;

/** TrustBloc's crypto-box unwrap dispatch, shared by {@code …/unwrap} and the v0.1.8 {@code easyopen} route. */
final class CryptoBox {

    private CryptoBox() {
    }

    /**
     * EasyOpen when the request has a nonce and their key, then (as TrustBloc's server falls back) SealOpen; the
     * recipient key is the one {@code my_pub} names, not the path's.
     */
    static OpenResponse open(KeyCrypto crypto, String keystoreId, byte[] ciphertext, byte[] nonce, byte[] theirs,
            byte[] mine, LockCredentials credentials) {
        if (ciphertext == null) {
            throw new InvalidRequestException("wrapped_key (to unwrap) or ciphertext (to open a crypto box) is required");
        }
        if (nonce != null && theirs != null) {
            try {
                return new OpenResponse(crypto.boxOpen(keystoreId, ciphertext, nonce, theirs, mine, credentials));
            } catch (VerificationFailedException e) {
                // not a box from them: it may still be a sealed box
            }
        }
        return new OpenResponse(crypto.sealedBoxOpen(keystoreId, ciphertext, mine, credentials));
    }
}
