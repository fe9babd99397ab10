package org.eekms.crypto.internal;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.signature.Ed25519PrivateKey;
import com.google.crypto.tink.signature.Ed25519PublicKey;
import com.google.crypto.tink.util.Bytes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.eekms.problem.InvalidRequestException;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.eekms.crypto.KeyOperations;
import org.eekms.crypto.KeyType;
import org.eekms.problem.VerificationFailedException;

/**
 * Ed25519 (RFC 8032, pure) through BouncyCastle's lightweight API: measured about twice as fast as Tink's Java
 * implementation here. The keys stay in Tink keysets; only the primitive is BouncyCastle's.
 */
final class Ed25519Operations implements KeyOperations {

    private final Ed25519PrivateKeyParameters signingKey;
    private final List<Ed25519PublicKeyParameters> verificationKeys;
    /** The private keys of the versions, as X25519 keys for NaCl boxes, by the Ed25519 public key they belong to. */
    private final Map<Bytes, X25519PrivateKeyParameters> boxKeys;

    Ed25519Operations(KeysetHandle handle) {
        List<Ed25519PublicKeyParameters> keys = new ArrayList<>();
        Map<Bytes, X25519PrivateKeyParameters> box = new HashMap<>();
        Ed25519PrivateKeyParameters primary = null;
        for (int i = 0; i < handle.size(); i++) {
            KeysetHandle.Entry entry = handle.getAt(i);
            if (entry.getKey() instanceof Ed25519PublicKey publicKey) {
                // a verify-only keyset (an imported public key): nothing to sign with
                Ed25519PublicKeyParameters parameters =
                        new Ed25519PublicKeyParameters(publicKey.getPublicKeyBytes().toByteArray(), 0);
                if (entry.isPrimary()) {
                    keys.add(0, parameters);
                } else {
                    keys.add(parameters);
                }
                continue;
            }
            Ed25519PrivateKey key = (Ed25519PrivateKey) entry.getKey();
            byte[] seed = key.getPrivateKeyBytes().toByteArray(InsecureSecretKeyAccess.get());
            Ed25519PrivateKeyParameters parameters = new Ed25519PrivateKeyParameters(seed, 0);
            box.put(Bytes.copyFrom(parameters.generatePublicKey().getEncoded()), toX25519(seed));
            java.util.Arrays.fill(seed, (byte) 0);
            if (entry.isPrimary()) {
                primary = parameters;
                keys.add(0, parameters.generatePublicKey());
            } else {
                keys.add(parameters.generatePublicKey());
            }
        }
        this.signingKey = primary;
        this.verificationKeys = List.copyOf(keys);
        this.boxKeys = Map.copyOf(box);
    }

    /**
     * The X25519 private key of an Ed25519 seed, as libsodium's {@code crypto_sign_ed25519_sk_to_curve25519} and
     * AFGo's conversion make it: the first half of SHA-512(seed), which X25519 clamps.
     */
    static X25519PrivateKeyParameters toX25519(byte[] seed) {
        SHA512Digest sha512 = new SHA512Digest();
        sha512.update(seed, 0, seed.length);
        byte[] hash = new byte[64];
        sha512.doFinal(hash, 0);
        try {
            return new X25519PrivateKeyParameters(hash, 0);
        } finally {
            java.util.Arrays.fill(hash, (byte) 0);
        }
    }

    @Override
    public KeyType type() {
        return KeyType.ED25519;
    }

    @Override
    public byte[] sign(byte[] message) {
        if (signingKey == null) {
            throw Operations.verifyOnly(KeyType.ED25519);
        }
        byte[] signature = new byte[Ed25519PrivateKeyParameters.SIGNATURE_SIZE];
        signingKey.sign(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
        return signature;
    }

    @Override
    public void verify(byte[] signature, byte[] message) {
        if (signature.length == Ed25519PrivateKeyParameters.SIGNATURE_SIZE) {
            for (Ed25519PublicKeyParameters key : verificationKeys) {
                if (key.verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0)) {
                    return;
                }
            }
        }
        throw VerificationFailedException.signature();
    }

    @Override
    public byte[] boxSeal(byte[] payload, byte[] nonce, byte[] theirPublicKey) {
        if (signingKey == null) {
            throw Operations.verifyOnly(KeyType.ED25519);
        }
        return NaclBox.seal(payload, nonce, theirPublicKey, boxKey(signingKey.generatePublicKey().getEncoded()));
    }

    @Override
    public byte[] boxOpen(byte[] box, byte[] nonce, byte[] theirPublicKey, byte[] myPublicKey) {
        return NaclBox.open(box, nonce, theirPublicKey, boxKey(myPublicKey));
    }

    @Override
    public byte[] sealedBoxOpen(byte[] sealed, byte[] myPublicKey) {
        return NaclBox.openSealed(sealed, boxKey(myPublicKey));
    }

    private X25519PrivateKeyParameters boxKey(byte[] myPublicKey) {
        X25519PrivateKeyParameters key = myPublicKey == null ? null : boxKeys.get(Bytes.copyFrom(myPublicKey));
        if (key == null) {
            throw new InvalidRequestException("my_pub is not the public key of this key or of one of its versions");
        }
        return key;
    }
}
