package org.eekms.crypto.internal;

import com.google.crypto.tink.ConfigurationV0;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import java.security.GeneralSecurityException;
import org.eekms.crypto.KeyOperations;
import org.eekms.crypto.KeyType;
import org.eekms.problem.VerificationFailedException;

/** MACs with Tink's output prefix (0x01 ‖ key id ‖ tag), which is how Tink finds the key version on verification. */
final class MacOperations implements KeyOperations {

    private final KeyType type;
    private final Mac mac;

    MacOperations(KeyType type, KeysetHandle handle) {
        this.type = type;
        try {
            this.mac = handle.getPrimitive(ConfigurationV0.get(), Mac.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MAC primitive unavailable", e);
        }
    }

    @Override
    public KeyType type() {
        return type;
    }

    @Override
    public byte[] computeMac(byte[] data) {
        try {
            return mac.computeMac(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MAC computation failed", e);
        }
    }

    @Override
    public void verifyMac(byte[] tag, byte[] data) {
        try {
            mac.verifyMac(tag, data);
        } catch (GeneralSecurityException e) {
            throw VerificationFailedException.mac();
        }
    }
}
