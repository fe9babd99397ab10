package org.eekms.keystore.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eekms.crypto.Ciphertext;
import org.eekms.crypto.KeyOperations;
import org.eekms.keystore.control.StoredKeys;
import org.eekms.keystore.entity.KeyAddress;
import org.eekms.secretlock.control.LockCredentials;

/**
 * The crypto operations on a key. They change nothing, so they run without a transaction: a hot call is a cache
 * lookup and the crypto.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class KeyCrypto {

    private static final byte[] EMPTY = new byte[0];

    @Inject
    StoredKeys storedKeys;

    public byte[] sign(String keystoreId, String keyId, byte[] message, LockCredentials credentials) {
        return operations(keystoreId, keyId, credentials).sign(orEmpty(message));
    }

    public void verify(String keystoreId, String keyId, byte[] signature, byte[] message,
            LockCredentials credentials) {
        operations(keystoreId, keyId, credentials).verify(orEmpty(signature), orEmpty(message));
    }

    public Ciphertext encrypt(String keystoreId, String keyId, byte[] plaintext, byte[] associatedData,
            LockCredentials credentials) {
        return operations(keystoreId, keyId, credentials).encrypt(orEmpty(plaintext), associatedData);
    }

    public byte[] decrypt(String keystoreId, String keyId, byte[] ciphertext, byte[] nonce, byte[] associatedData,
            LockCredentials credentials) {
        return operations(keystoreId, keyId, credentials).decrypt(orEmpty(ciphertext), nonce, associatedData);
    }

    public byte[] computeMac(String keystoreId, String keyId, byte[] data, LockCredentials credentials) {
        return operations(keystoreId, keyId, credentials).computeMac(orEmpty(data));
    }

    public void verifyMac(String keystoreId, String keyId, byte[] mac, byte[] data, LockCredentials credentials) {
        operations(keystoreId, keyId, credentials).verifyMac(orEmpty(mac), orEmpty(data));
    }

    private KeyOperations operations(String keystoreId, String keyId, LockCredentials credentials) {
        return storedKeys.open(new KeyAddress(keystoreId, keyId), credentials).operations();
    }

    /** Go clients send a nil byte slice as JSON null: it means empty, as on TrustBloc's server. */
    private static byte[] orEmpty(byte[] bytes) {
        return bytes == null ? EMPTY : bytes;
    }
}
