package org.eekms.secretlock.control;

/**
 * The outbound port of the {@code remote} lock: AEAD with a key held by an Authorization Key Server, reached over
 * the same webkms API wallets use. The caller's credentials are forwarded, so that server decides who may unlock.
 */
public interface AuthorizationServer {

    /** What the authorization server's {@code encrypt} answers. */
    record Sealed(byte[] ciphertext, byte[] nonce) {
    }

    Sealed encrypt(String keyUrl, byte[] plaintext, byte[] associatedData, LockCredentials credentials);

    byte[] decrypt(String keyUrl, Sealed sealed, byte[] associatedData, LockCredentials credentials);
}
