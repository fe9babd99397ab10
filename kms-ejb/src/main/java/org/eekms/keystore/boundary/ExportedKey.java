package org.eekms.keystore.boundary;

/** The primary public key of a keyset in its type's export format. */
public record ExportedKey(byte[] publicKey, String keyType) {
}
