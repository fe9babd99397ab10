package org.eekms.crypto.internal;

import com.google.crypto.tink.ConfigurationV0;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import java.security.GeneralSecurityException;
import org.eekms.crypto.KeyOperations;
import org.eekms.crypto.KeyType;
import org.eekms.problem.VerificationFailedException;

/**
 * ECDSA through Tink over the JDK's SunEC provider. Keys carry no output prefix (as in AFGo's templates), so
 * verification tries every version of the keyset.
 */
final class EcdsaOperations implements KeyOperations {

    private final KeyType type;
    private final PublicKeySign signer;
    private final PublicKeyVerify verifier;

    EcdsaOperations(KeyType type, KeysetHandle handle) {
        this.type = type;
        try {
            this.signer = handle.getPrimitive(ConfigurationV0.get(), PublicKeySign.class);
            this.verifier = handle.getPublicKeysetHandle().getPrimitive(ConfigurationV0.get(), PublicKeyVerify.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDSA primitive unavailable", e);
        }
    }

    @Override
    public KeyType type() {
        return type;
    }

    @Override
    public byte[] sign(byte[] message) {
        try {
            return signer.sign(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    @Override
    public void verify(byte[] signature, byte[] message) {
        try {
            verifier.verify(signature, message);
        } catch (GeneralSecurityException e) {
            throw VerificationFailedException.signature();
        }
    }
}
