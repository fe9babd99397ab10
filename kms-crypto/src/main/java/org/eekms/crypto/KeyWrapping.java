package org.eekms.crypto;

/** Key wrapping that needs no key of ours: anoncrypt to a recipient's public key. */
public final class KeyWrapping {

    private KeyWrapping() {
    }

    /**
     * Wraps {@code cek} for {@code recipient} with ECDH-ES+A256KW exactly as AFGo does (a fresh ephemeral key on the
     * recipient's curve; an empty {@code apu} becomes base64url of its X). 400 for a key off its curve, of an
     * unknown type or curve, or a CEK AES key wrap cannot take.
     */
    public static WrappedKey anoncrypt(byte[] cek, byte[] apu, byte[] apv, AgreementPublicKey recipient) {
        return org.eekms.crypto.internal.KeyWrap.anoncrypt(cek, apu, apv, recipient);
    }
}
