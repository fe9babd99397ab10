package org.eekms.crypto;

/** An AEAD result as the webkms API returns it: the ciphertext with its tag, and the nonce apart. */
public record Ciphertext(byte[] ciphertext, byte[] nonce) {
}
