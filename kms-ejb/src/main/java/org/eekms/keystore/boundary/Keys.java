package org.eekms.keystore.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.eekms.crypto.KeyType;
import org.eekms.crypto.Keyset;
import org.eekms.crypto.SecretAead;
import org.eekms.keystore.control.Ids;
import org.eekms.keystore.control.KeyCache;
import org.eekms.keystore.control.KeyChanges;
import org.eekms.keystore.control.StoredKeys;
import org.eekms.keystore.entity.KeyAddress;
import org.eekms.keystore.entity.KeyName;
import org.eekms.keystore.entity.Keystore;
import org.eekms.keystore.entity.WrappedKeyset;
import org.eekms.problem.ConflictException;
import org.eekms.problem.InvalidRequestException;
import org.eekms.secretlock.control.LockCredentials;

/**
 * The key lifecycle: create, import, export, rotate, list and delete. Each write is one transaction that stores a
 * freshly sealed keyset and the key ids that address it, so a failure leaves nothing half-written.
 */
@Stateless
public class Keys {

    @PersistenceContext(unitName = "kms")
    EntityManager em;

    @Inject
    StoredKeys storedKeys;

    @Inject
    KeyCache cache;

    @Inject
    KeyChanges changes;

    public CreatedKey create(String keystoreId, String keyType, LockCredentials credentials) {
        KeyType type = KeyType.fromWireName(keyType);
        Keystore keystore = storedKeys.keystore(keystoreId);
        Keyset keyset = Keyset.generate(type);
        String keyId = keyset.thumbprint().orElseGet(Ids::newKeyId);
        store(keystore, keyId, keyset, credentials);
        return new CreatedKey(keyId, keyset.publicKey());
    }

    /**
     * Imports a key under the requested key id (unique in the keystore) or a random one. Exactly one of
     * {@code privateKey} ({@code key}: raw bytes for the AEAD and MAC types, PKCS#8 DER for signature types) and
     * {@code publicKey} ({@code public_key}, signature types only, in the type's export format; the key is then
     * verify-only) must be given. The key bytes of the request are cleared once imported.
     */
    public String importKey(String keystoreId, String keyType, byte[] privateKey, byte[] publicKey,
            String requestedKeyId, LockCredentials credentials) {
        try {
            KeyType type = KeyType.fromWireName(keyType);
            boolean hasKey = privateKey != null && privateKey.length > 0;
            boolean hasPublicKey = publicKey != null && publicKey.length > 0;
            if (hasKey == hasPublicKey) {
                throw new InvalidRequestException("exactly one of key and public_key is required");
            }
            Keystore keystore = storedKeys.keystore(keystoreId);
            String keyId = requestedKeyId == null || requestedKeyId.isEmpty()
                    ? Ids.newKeyId()
                    : Ids.requestedKeyId(requestedKeyId);
            Keyset keyset;
            if (hasPublicKey) {
                keyset = Keyset.importPublicKey(type, publicKey);
            } else if (type.acceptsPrivateKeyImport()) {
                keyset = Keyset.importPrivateKey(type, privateKey);
            } else {
                keyset = Keyset.importSymmetricKey(type, privateKey);
            }
            store(keystore, keyId, keyset, credentials);
            return keyId;
        } finally {
            if (privateKey != null) {
                Arrays.fill(privateKey, (byte) 0);
            }
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ExportedKey export(String keystoreId, String keyId, LockCredentials credentials) {
        var key = storedKeys.open(new KeyAddress(keystoreId, keyId), credentials);
        String type = key.operations().type().wireName();
        return new ExportedKey(key.publicKey().orElseThrow(() -> new InvalidRequestException(
                "unsupported_operation", "key type " + type + " has no public key to export")), type);
    }

    /**
     * Adds a new primary version to the keyset and returns its key id. The old id keeps addressing the keyset, so
     * holders of either URL sign and encrypt with the new version and verify and decrypt with all of them.
     */
    public String rotate(String keystoreId, String keyId, String keyType, LockCredentials credentials) {
        KeyAddress address = new KeyAddress(keystoreId, keyId);
        WrappedKeyset wrapped = storedKeys.keysetToChange(address);
        if (keyType != null && !keyType.isEmpty()
                && !keyType.equals(wrapped.keyType())) {
            throw new InvalidRequestException("key_type " + keyType + " does not match the key's type "
                    + wrapped.keyType());
        }
        SecretAead keyEncryption = storedKeys.unlock(storedKeys.keystore(keystoreId), credentials);
        Keyset rotated = storedKeys.unseal(wrapped, keyEncryption).rotate();
        String newKeyId = rotated.thumbprint().orElseGet(Ids::newKeyId);
        wrapped.rotated(newKeyId, rotated.seal(keyEncryption,
                StoredKeys.associatedData(keystoreId, wrapped.id())), Instant.now());
        addName(new KeyAddress(keystoreId, newKeyId), wrapped.id());
        List<KeyAddress> names = names(wrapped.id());
        cache.evictAfterCommit(names);
        changes.record(names, Instant.now());
        return newKeyId;
    }

    /** Deletes the keyset with all its versions; every id that addressed it answers 404 from now on. */
    public void delete(String keystoreId, String keyId, LockCredentials credentials) {
        storedKeys.admit(storedKeys.keystore(keystoreId), credentials);
        WrappedKeyset wrapped = storedKeys.keysetToChange(new KeyAddress(keystoreId, keyId));
        List<KeyAddress> names = names(wrapped.id());
        names.forEach(address -> em.remove(em.getReference(KeyName.class, address)));
        em.remove(wrapped);
        cache.evictAfterCommit(names);
        changes.record(names, Instant.now());
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<KeyView> list(String keystoreId, LockCredentials credentials) {
        storedKeys.admit(storedKeys.keystore(keystoreId), credentials);
        return em.createNamedQuery(WrappedKeyset.IN_KEYSTORE, WrappedKeyset.class)
                .setParameter("keystoreId", keystoreId)
                .getResultStream()
                .map(k -> new KeyView(k.primaryKeyId(), k.keyType(), k.createdAt(), k.updatedAt()))
                .toList();
    }

    private void store(Keystore keystore, String keyId, Keyset keyset, LockCredentials credentials) {
        SecretAead keyEncryption = storedKeys.unlock(keystore, credentials);
        String keysetId = Ids.newKeysetId();
        byte[] sealed = keyset.seal(keyEncryption, StoredKeys.associatedData(keystore.id(), keysetId));
        em.persist(new WrappedKeyset(keysetId, keystore.id(), keyset.type().wireName(), keyId, sealed,
                Instant.now()));
        addName(new KeyAddress(keystore.id(), keyId), keysetId);
    }

    private void addName(KeyAddress address, String keysetId) {
        if (em.find(KeyName.class, address) != null) {
            throw new ConflictException("key_id_exists", "key id " + address.keyId() + " already exists");
        }
        em.persist(new KeyName(address, keysetId));
        em.flush(); // a concurrent insert of the same id fails here, inside the transaction that can roll back
    }

    private List<KeyAddress> names(String keysetId) {
        return em.createNamedQuery(KeyName.OF_KEYSET, KeyName.class)
                .setParameter("keysetId", keysetId)
                .getResultStream()
                .map(KeyName::address)
                .toList();
    }
}
