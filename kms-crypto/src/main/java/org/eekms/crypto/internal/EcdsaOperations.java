package org.eekms.crypto.internal;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.signature.EcdsaParameters;
import com.google.crypto.tink.signature.EcdsaPrivateKey;
import com.google.crypto.tink.signature.EcdsaPublicKey;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.DSAEncoding;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.eekms.crypto.KeyOperations;
import org.eekms.crypto.KeyType;
import org.eekms.problem.VerificationFailedException;

/**
 * ECDSA over the NIST curves and secp256k1 through BouncyCastle's lightweight API, with deterministic nonces (RFC 6979), so no
 * signature depends on the quality of a random number generator. Measured here about six times faster than the
 * JDK's SunEC that Tink uses (P-256: 14,000 against 2,200 signatures per second). The keys stay in Tink keysets.
 * Keys carry no output prefix (as in AFGo's templates), so verification tries every version of the keyset.
 */
final class EcdsaOperations implements KeyOperations {

    private final KeyType type;
    private final ECDomainParameters domain;
    private final Supplier<Digest> digest;
    private final DSAEncoding encoding;
    private final ECPrivateKeyParameters signingKey;
    private final List<ECPublicKeyParameters> verificationKeys;

    /** The keys of every version, primary first; an imported public key has no signing key. */
    EcdsaOperations(KeyType type, KeysetHandle handle) {
        this.type = type;
        boolean secp256k1 = CurveKeys.stores(type);
        EcdsaParameters parameters = secp256k1 ? null : TinkKeysets.ecdsa(type);
        this.domain = secp256k1 ? EcCurve.SECP256K1.domain() : EcCurve.of(parameters.getCurveType()).domain();
        this.digest = secp256k1 ? SHA256Digest::new : digest(parameters.getHashType());
        this.encoding = !secp256k1 && parameters.getSignatureEncoding() == EcdsaParameters.SignatureEncoding.DER
                ? StandardDSAEncoding.INSTANCE
                : PlainDSAEncoding.INSTANCE;
        List<ECPublicKeyParameters> keys = new ArrayList<>();
        ECPrivateKeyParameters primary = null;
        for (int i = 0; i < handle.size(); i++) {
            KeysetHandle.Entry entry = handle.getAt(i);
            ECPrivateKeyParameters privateKey;
            ECPublicKeyParameters publicKey;
            if (secp256k1) {
                CurveKeys.CurveKey key = CurveKeys.read(type, entry.getKey());
                privateKey = (ECPrivateKeyParameters) key.privateKey();
                publicKey = (ECPublicKeyParameters) key.publicKey();
            } else {
                // a verify-only keyset (an imported public key) holds EcdsaPublicKeys: nothing to sign with
                EcdsaPrivateKey key = entry.getKey() instanceof EcdsaPrivateKey k ? k : null;
                var point = key != null
                        ? key.getPublicKey().getPublicPoint()
                        : ((EcdsaPublicKey) entry.getKey()).getPublicPoint();
                publicKey = new ECPublicKeyParameters(
                        domain.getCurve().validatePoint(point.getAffineX(), point.getAffineY()), domain);
                privateKey = key == null ? null : new ECPrivateKeyParameters(
                        key.getPrivateValue().getBigInteger(InsecureSecretKeyAccess.get()), domain);
            }
            if (entry.isPrimary()) {
                primary = privateKey;
                keys.add(0, publicKey);
            } else {
                keys.add(publicKey);
            }
        }
        this.signingKey = primary;
        this.verificationKeys = List.copyOf(keys);
    }

    @Override
    public KeyType type() {
        return type;
    }

    @Override
    public byte[] sign(byte[] message) {
        if (signingKey == null) {
            throw Operations.verifyOnly(type);
        }
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(digest.get()));
        signer.init(true, signingKey);
        BigInteger[] rs = signer.generateSignature(hash(message));
        try {
            return encoding.encode(domain.getN(), rs[0], rs[1]);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("signature encoding failed", e);
        }
    }

    @Override
    public void verify(byte[] signature, byte[] message) {
        BigInteger[] rs;
        try {
            // strict: DER must re-encode identically, P1363 must have the exact length
            rs = encoding.decode(domain.getN(), signature);
        } catch (java.io.IOException | RuntimeException e) {
            throw VerificationFailedException.signature();
        }
        byte[] hash = hash(message);
        for (ECPublicKeyParameters key : verificationKeys) {
            ECDSASigner verifier = new ECDSASigner();
            verifier.init(false, key);
            if (verifier.verifySignature(hash, rs[0], rs[1])) {
                return;
            }
        }
        throw VerificationFailedException.signature();
    }

    private byte[] hash(byte[] message) {
        Digest d = digest.get();
        d.update(message, 0, message.length);
        byte[] out = new byte[d.getDigestSize()];
        d.doFinal(out, 0);
        return out;
    }

    private static Supplier<Digest> digest(EcdsaParameters.HashType hash) {
        if (hash == EcdsaParameters.HashType.SHA256) {
            return SHA256Digest::new;
        }
        if (hash == EcdsaParameters.HashType.SHA384) {
            return SHA384Digest::new;
        }
        return SHA512Digest::new;
    }
}
