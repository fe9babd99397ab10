package org.eekms.keystore.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eekms.crypto.AgreementPublicKey;
import org.eekms.crypto.Ciphertext;
import org.eekms.crypto.KeyOperations;
import org.eekms.crypto.KeyWrapping;
import org.eekms.crypto.Keyset;
import org.eekms.crypto.WrappedKey;
import org.eekms.keystore.control.StoredKeys;
import org.eekms.metrics.boundary.Meters;
import org.eekms.keystore.entity.KeyAddress;
import org.eekms.problem.InvalidRequestException;
import org.eekms.problem.KmsException;
import org.eekms.secretlock.control.LockCredentials;

/**
 * The crypto operations on a key. They change nothing, so they need no transaction, and this boundary is a plain CDI
 * bean rather than an EJB: a hot call is a cache lookup and the crypto. (As a stateless EJB, the container's
 * invocation path — security manager, transaction and interceptor chain — cost a seventh of a REST sign.) A cache
 * miss reads the key outside a transaction, as it did before under {@code SUPPORTS}.
 */
@ApplicationScoped
public class KeyCrypto {

    private static final byte[] EMPTY = new byte[0];

    @Inject
    StoredKeys storedKeys;

    @Inject
    Meters meters;

    @Inject
    @ConfigProperty(name = "kms.batch.max-items", defaultValue = "1000")
    int maxBatchItems;

    public byte[] sign(String keystoreId, String keyId, byte[] message, LockCredentials credentials) {
        return measured("sign", keystoreId, keyId, credentials, ops -> ops.sign(orEmpty(message)));
    }

    public void verify(String keystoreId, String keyId, byte[] signature, byte[] message,
            LockCredentials credentials) {
        measured("verify", keystoreId, keyId, credentials, ops -> {
            ops.verify(orEmpty(signature), orEmpty(message));
            return null;
        });
    }

    public Ciphertext encrypt(String keystoreId, String keyId, byte[] plaintext, byte[] associatedData,
            LockCredentials credentials) {
        return measured("encrypt", keystoreId, keyId, credentials,
                ops -> ops.encrypt(orEmpty(plaintext), associatedData));
    }

    public byte[] decrypt(String keystoreId, String keyId, byte[] ciphertext, byte[] nonce, byte[] associatedData,
            LockCredentials credentials) {
        return measured("decrypt", keystoreId, keyId, credentials,
                ops -> ops.decrypt(orEmpty(ciphertext), nonce, associatedData));
    }

    public byte[] computeMac(String keystoreId, String keyId, byte[] data, LockCredentials credentials) {
        return measured("computemac", keystoreId, keyId, credentials, ops -> ops.computeMac(orEmpty(data)));
    }

    public void verifyMac(String keystoreId, String keyId, byte[] mac, byte[] data, LockCredentials credentials) {
        measured("verifymac", keystoreId, keyId, credentials, ops -> {
            ops.verifyMac(orEmpty(mac), orEmpty(data));
            return null;
        });
    }

    /** BBS+ (BLS12381G2 keys): a signature over the messages in order. */
    public byte[] signMulti(String keystoreId, String keyId, List<byte[]> messages, LockCredentials credentials) {
        return measured("signmulti", keystoreId, keyId, credentials, ops -> ops.signMulti(messages));
    }

    public void verifyMulti(String keystoreId, String keyId, byte[] signature, List<byte[]> messages,
            LockCredentials credentials) {
        measured("verifymulti", keystoreId, keyId, credentials, ops -> {
            ops.verifyMulti(orEmpty(signature), messages);
            return null;
        });
    }

    /** A proof of the signature over the messages that discloses those at the indexes, bound to the nonce. */
    public byte[] deriveProof(String keystoreId, String keyId, List<byte[]> messages, byte[] signature, byte[] nonce,
            List<Integer> revealedIndexes, LockCredentials credentials) {
        return measured("deriveproof", keystoreId, keyId, credentials,
                ops -> ops.deriveProof(messages, orEmpty(signature), nonce, revealedIndexes));
    }

    public void verifyProof(String keystoreId, String keyId, byte[] proof, List<byte[]> revealedMessages,
            byte[] nonce, LockCredentials credentials) {
        measured("verifyproof", keystoreId, keyId, credentials, ops -> {
            ops.verifyProof(orEmpty(proof), revealedMessages, nonce);
            return null;
        });
    }

    /**
     * Anoncrypt (ECDH-ES+A256KW) to a recipient's public key: no key of the keystore takes part, but the caller must
     * be admitted to the keystore, as on TrustBloc's server.
     */
    public WrappedKey wrapFor(String keystoreId, byte[] cek, byte[] apu, byte[] apv, AgreementPublicKey recipient,
            LockCredentials credentials) {
        storedKeys.admit(storedKeys.keystore(keystoreId), credentials);
        return KeyWrapping.anoncrypt(cek, apu, apv, recipient);
    }

    /** Authcrypt (ECDH-1PU): the key is the sender; the algorithm follows the CEK's length. */
    public WrappedKey wrap(String keystoreId, String keyId, byte[] cek, byte[] apu, byte[] apv,
            AgreementPublicKey recipient, byte[] tag, LockCredentials credentials) {
        return measured("wrap", keystoreId, keyId, credentials, ops -> ops.wrapKey(cek, apu, apv, recipient, tag));
    }

    /** Unwraps a key wrapped for this key: ECDH-ES without a sender, ECDH-1PU with one. */
    public byte[] unwrap(String keystoreId, String keyId, WrappedKey wrapped, AgreementPublicKey sender, byte[] tag,
            LockCredentials credentials) {
        if (wrapped == null) {
            throw new InvalidRequestException("wrapped_key is required");
        }
        return measured("unwrap", keystoreId, keyId, credentials, ops -> ops.unwrapKey(wrapped, sender, tag));
    }

    /** NaCl {@code box.Seal} from the Ed25519 key to their X25519 key (TrustBloc's CryptoBox {@code Easy}). */
    public byte[] boxSeal(String keystoreId, String keyId, byte[] payload, byte[] nonce, byte[] theirPublicKey,
            LockCredentials credentials) {
        return measured("easy", keystoreId, keyId, credentials,
                ops -> ops.boxSeal(orEmpty(payload), nonce, theirPublicKey));
    }

    /**
     * NaCl {@code box.Open} ({@code EasyOpen}) with the Ed25519 key whose public key is {@code myPublicKey}: the key is
     * found by that key's id (its thumbprint), as TrustBloc does, whatever key id the request's path named.
     */
    public byte[] boxOpen(String keystoreId, byte[] box, byte[] nonce, byte[] theirPublicKey, byte[] myPublicKey,
            LockCredentials credentials) {
        return measured("easyopen", keystoreId, boxKeyId(myPublicKey), credentials,
                ops -> ops.boxOpen(orEmpty(box), nonce, theirPublicKey, myPublicKey));
    }

    /** NaCl {@code box.OpenAnonymous} ({@code SealOpen}), the key found as for {@link #boxOpen}. */
    public byte[] sealedBoxOpen(String keystoreId, byte[] sealed, byte[] myPublicKey, LockCredentials credentials) {
        return measured("sealopen", keystoreId, boxKeyId(myPublicKey), credentials,
                ops -> ops.sealedBoxOpen(orEmpty(sealed), myPublicKey));
    }

    private static String boxKeyId(byte[] myPublicKey) {
        if (myPublicKey == null || myPublicKey.length != 32) {
            throw new InvalidRequestException("my_pub must be the 32-byte Ed25519 public key of a key of the keystore");
        }
        return Keyset.ed25519KeyId(myPublicKey);
    }

    /** Batch forms: the key is looked up (and its lock checked) once, then each item succeeds or fails alone. */
    public List<Outcome<byte[]>> signAll(String keystoreId, String keyId, List<byte[]> messages,
            LockCredentials credentials) {
        return each("batch_sign", keystoreId, keyId, messages, credentials, (ops, message) -> ops.sign(orEmpty(message)));
    }

    public List<Outcome<Boolean>> verifyAll(String keystoreId, String keyId, List<byte[][]> signatureAndMessage,
            LockCredentials credentials) {
        return each("batch_verify", keystoreId, keyId, signatureAndMessage, credentials, (ops, item) -> {
            ops.verify(orEmpty(item[0]), orEmpty(item[1]));
            return Boolean.TRUE;
        });
    }

    public List<Outcome<byte[]>> signMultiAll(String keystoreId, String keyId, List<List<byte[]>> messageLists,
            LockCredentials credentials) {
        return each("batch_signmulti", keystoreId, keyId, messageLists, credentials, KeyOperations::signMulti);
    }

    public List<Outcome<Boolean>> verifyMultiAll(String keystoreId, String keyId, List<SignedMessages> items,
            LockCredentials credentials) {
        return each("batch_verifymulti", keystoreId, keyId, items, credentials, (ops, item) -> {
            ops.verifyMulti(orEmpty(item.signature()), item.messages());
            return Boolean.TRUE;
        });
    }

    public List<Outcome<Ciphertext>> encryptAll(String keystoreId, String keyId, List<byte[][]> plaintextAndData,
            LockCredentials credentials) {
        return each("batch_encrypt", keystoreId, keyId, plaintextAndData, credentials,
                (ops, item) -> ops.encrypt(orEmpty(item[0]), item[1]));
    }

    public List<Outcome<byte[]>> decryptAll(String keystoreId, String keyId, List<byte[][]> ciphertextNonceAndData,
            LockCredentials credentials) {
        return each("batch_decrypt", keystoreId, keyId, ciphertextNonceAndData, credentials,
                (ops, item) -> ops.decrypt(orEmpty(item[0]), item[1], item[2]));
    }

    public List<Outcome<byte[]>> computeMacAll(String keystoreId, String keyId, List<byte[]> data,
            LockCredentials credentials) {
        return each("batch_computemac", keystoreId, keyId, data, credentials, (ops, item) -> ops.computeMac(orEmpty(item)));
    }

    public List<Outcome<Boolean>> verifyMacAll(String keystoreId, String keyId, List<byte[][]> macAndData,
            LockCredentials credentials) {
        return each("batch_verifymac", keystoreId, keyId, macAndData, credentials, (ops, item) -> {
            ops.verifyMac(orEmpty(item[0]), orEmpty(item[1]));
            return Boolean.TRUE;
        });
    }

    private <I, O> List<Outcome<O>> each(String name, String keystoreId, String keyId, List<I> items,
            LockCredentials credentials, BiFunction<KeyOperations, I, O> operation) {
        if (items == null || items.isEmpty() || items.size() > maxBatchItems) {
            throw new InvalidRequestException("items must hold 1 to " + maxBatchItems + " entries");
        }
        return measured(name, keystoreId, keyId, credentials, operations -> {
            List<Outcome<O>> outcomes = new ArrayList<>(items.size());
            for (I item : items) {
                try {
                    outcomes.add(Outcome.of(operation.apply(operations, item)));
                } catch (KmsException problem) {
                    outcomes.add(Outcome.failed(problem));
                }
            }
            return outcomes;
        });
    }

    /**
     * Opens the key (cache or store, lock checked) and runs the operation on it, timed in the server's meters by
     * operation, key type and outcome: {@code ok} or the error code (a refused lock, a failed verification).
     */
    private <T> T measured(String name, String keystoreId, String keyId, LockCredentials credentials,
            Function<KeyOperations, T> operation) {
        long start = System.nanoTime();
        String keyType = "unknown";
        String outcome = "ok";
        try {
            KeyOperations operations = storedKeys.open(new KeyAddress(keystoreId, keyId), credentials).operations();
            keyType = operations.type().wireName();
            return operation.apply(operations);
        } catch (KmsException e) {
            outcome = e.code();
            throw e;
        } catch (RuntimeException e) {
            outcome = "error";
            throw e;
        } finally {
            meters.record(name, keyType, outcome, System.nanoTime() - start);
        }
    }

    /** Go clients send a nil byte slice as JSON null: it means empty, as on TrustBloc's server. */
    private static byte[] orEmpty(byte[] bytes) {
        return bytes == null ? EMPTY : bytes;
    }
}
