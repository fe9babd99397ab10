package org.eekms.keystore.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eekms.crypto.Ciphertext;
import org.eekms.crypto.KeyOperations;
import org.eekms.keystore.control.StoredKeys;
import org.eekms.keystore.entity.KeyAddress;
import org.eekms.problem.InvalidRequestException;
import org.eekms.problem.KmsException;
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

    @Inject
    @ConfigProperty(name = "kms.batch.max-items", defaultValue = "1000")
    int maxBatchItems;

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

    /** Batch forms: the key is looked up (and its lock checked) once, then each item succeeds or fails alone. */
    public List<Outcome<byte[]>> signAll(String keystoreId, String keyId, List<byte[]> messages,
            LockCredentials credentials) {
        return each(keystoreId, keyId, messages, credentials, (ops, message) -> ops.sign(orEmpty(message)));
    }

    public List<Outcome<Boolean>> verifyAll(String keystoreId, String keyId, List<byte[][]> signatureAndMessage,
            LockCredentials credentials) {
        return each(keystoreId, keyId, signatureAndMessage, credentials, (ops, item) -> {
            ops.verify(orEmpty(item[0]), orEmpty(item[1]));
            return Boolean.TRUE;
        });
    }

    public List<Outcome<Ciphertext>> encryptAll(String keystoreId, String keyId, List<byte[][]> plaintextAndData,
            LockCredentials credentials) {
        return each(keystoreId, keyId, plaintextAndData, credentials,
                (ops, item) -> ops.encrypt(orEmpty(item[0]), item[1]));
    }

    public List<Outcome<byte[]>> decryptAll(String keystoreId, String keyId, List<byte[][]> ciphertextNonceAndData,
            LockCredentials credentials) {
        return each(keystoreId, keyId, ciphertextNonceAndData, credentials,
                (ops, item) -> ops.decrypt(orEmpty(item[0]), item[1], item[2]));
    }

    public List<Outcome<byte[]>> computeMacAll(String keystoreId, String keyId, List<byte[]> data,
            LockCredentials credentials) {
        return each(keystoreId, keyId, data, credentials, (ops, item) -> ops.computeMac(orEmpty(item)));
    }

    public List<Outcome<Boolean>> verifyMacAll(String keystoreId, String keyId, List<byte[][]> macAndData,
            LockCredentials credentials) {
        return each(keystoreId, keyId, macAndData, credentials, (ops, item) -> {
            ops.verifyMac(orEmpty(item[0]), orEmpty(item[1]));
            return Boolean.TRUE;
        });
    }

    private <I, O> List<Outcome<O>> each(String keystoreId, String keyId, List<I> items,
            LockCredentials credentials, BiFunction<KeyOperations, I, O> operation) {
        if (items == null || items.isEmpty() || items.size() > maxBatchItems) {
            throw new InvalidRequestException("items must hold 1 to " + maxBatchItems + " entries");
        }
        KeyOperations operations = operations(keystoreId, keyId, credentials);
        List<Outcome<O>> outcomes = new ArrayList<>(items.size());
        for (I item : items) {
            try {
                outcomes.add(Outcome.of(operation.apply(operations, item)));
            } catch (KmsException problem) {
                outcomes.add(Outcome.failed(problem));
            }
        }
        return outcomes;
    }

    private KeyOperations operations(String keystoreId, String keyId, LockCredentials credentials) {
        return storedKeys.open(new KeyAddress(keystoreId, keyId), credentials).operations();
    }

    /** Go clients send a nil byte slice as JSON null: it means empty, as on TrustBloc's server. */
    private static byte[] orEmpty(byte[] bytes) {
        return bytes == null ? EMPTY : bytes;
    }
}
