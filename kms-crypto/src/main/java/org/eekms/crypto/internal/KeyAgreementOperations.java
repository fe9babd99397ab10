package org.eekms.crypto.internal;

import com.google.crypto.tink.KeysetHandle;
import java.util.ArrayList;
import java.util.List;
import org.eekms.crypto.AgreementPublicKey;
import org.eekms.crypto.KeyOperations;
import org.eekms.crypto.KeyType;
import org.eekms.crypto.WrappedKey;

/**
 * The ECDH key-wrapping keys (NIST P curves and X25519): authcrypt wrapping with the primary version as sender, and
 * unwrapping with whichever version the key was wrapped for, so that keys wrapped before a rotation still unwrap.
 */
final class KeyAgreementOperations implements KeyOperations {

    private final KeyType type;
    /** Primary first. */
    private final List<KeyWrap.Party> versions;

    KeyAgreementOperations(KeyType type, KeysetHandle handle) {
        this.type = type;
        EcCurve curve = CurveKeys.ecCurve(type);
        List<KeyWrap.Party> parties = new ArrayList<>();
        for (int i = 0; i < handle.size(); i++) {
            KeysetHandle.Entry entry = handle.getAt(i);
            CurveKeys.CurveKey key = CurveKeys.read(type, entry.getKey());
            KeyWrap.Party party = new KeyWrap.Party(curve, key.privateKey(), key.publicKey());
            if (entry.isPrimary()) {
                parties.add(0, party);
            } else {
                parties.add(party);
            }
        }
        this.versions = List.copyOf(parties);
    }

    @Override
    public KeyType type() {
        return type;
    }

    @Override
    public WrappedKey wrapKey(byte[] cek, byte[] apu, byte[] apv, AgreementPublicKey recipient, byte[] tag) {
        return KeyWrap.authcrypt(cek, apu, apv, recipient, tag, versions.get(0));
    }

    @Override
    public byte[] unwrapKey(WrappedKey wrapped, AgreementPublicKey sender, byte[] tag) {
        return KeyWrap.unwrap(wrapped, versions, sender, tag);
    }
}
