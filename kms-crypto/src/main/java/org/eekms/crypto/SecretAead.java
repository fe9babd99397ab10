package org.eekms.crypto;

/**
 * Authenticated encryption with associated data for protecting stored keys: the shape of every secret lock and of
 * the keystore main keys.
 *
 * <p>Security guarantees: confidentiality and integrity of the plaintext and integrity of the associated data;
 * {@link #decrypt} throws {@link org.eekms.problem.VerificationFailedException} for any ciphertext or associated
 * data that was not produced together by {@link #encrypt} under the same key.
 */
public interface SecretAead {

    byte[] encrypt(byte[] plaintext, byte[] associatedData);

    byte[] decrypt(byte[] ciphertext, byte[] associatedData);
}
