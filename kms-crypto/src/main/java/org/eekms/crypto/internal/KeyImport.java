package org.eekms.crypto.internal;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.signature.EcdsaParameters;
import com.google.crypto.tink.signature.EcdsaPrivateKey;
import com.google.crypto.tink.signature.EcdsaPublicKey;
import com.google.crypto.tink.signature.Ed25519PrivateKey;
import com.google.crypto.tink.signature.Ed25519PublicKey;
import com.google.crypto.tink.util.Bytes;
import com.google.crypto.tink.util.SecretBigInteger;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.eekms.crypto.KeyType;
import org.eekms.problem.InvalidRequestException;

/** Imports PKCS#8 DER private keys (what AFGo's client sends) into Tink keysets of the requested type. */
public final class KeyImport {

    private static final Map<EcdsaParameters.CurveType, ASN1ObjectIdentifier> CURVES = Map.of(
            EcdsaParameters.CurveType.NIST_P256, SECObjectIdentifiers.secp256r1,
            EcdsaParameters.CurveType.NIST_P384, SECObjectIdentifiers.secp384r1,
            EcdsaParameters.CurveType.NIST_P521, SECObjectIdentifiers.secp521r1);

    private KeyImport() {
    }

    public static KeysetHandle privateKey(KeyType type, byte[] pkcs8) {
        if (!type.acceptsPrivateKeyImport()) {
            throw new InvalidRequestException("unsupported_key_type",
                    "private keys of type " + type.wireName() + " cannot be imported");
        }
        AsymmetricKeyParameter parsed = parse(pkcs8);
        try {
            com.google.crypto.tink.Key key = type == KeyType.ED25519 ? ed25519(parsed) : ecdsa(type, parsed);
            return KeysetHandle.newBuilder()
                    .addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary())
                    .build();
        } catch (GeneralSecurityException e) {
            throw new InvalidRequestException("key is not a valid " + type.wireName() + " private key");
        }
    }

    private static AsymmetricKeyParameter parse(byte[] pkcs8) {
        if (pkcs8 == null || pkcs8.length == 0) {
            throw new InvalidRequestException("key is required");
        }
        try {
            AsymmetricKeyParameter key = PrivateKeyFactory.createKey(pkcs8);
            if (key == null || !key.isPrivate()) {
                throw new InvalidRequestException("key is not a PKCS#8 private key");
            }
            return key;
        } catch (IOException | RuntimeException e) {
            throw new InvalidRequestException("key is not a PKCS#8 private key");
        }
    }

    private static com.google.crypto.tink.Key ed25519(AsymmetricKeyParameter parsed)
            throws GeneralSecurityException {
        if (!(parsed instanceof Ed25519PrivateKeyParameters ed25519)) {
            throw mismatch(KeyType.ED25519);
        }
        byte[] seed = ed25519.getEncoded();
        try {
            Ed25519PublicKey publicKey = Ed25519PublicKey.create(Bytes.copyFrom(ed25519.generatePublicKey().getEncoded()));
            return Ed25519PrivateKey.create(publicKey,
                    com.google.crypto.tink.util.SecretBytes.copyFrom(seed, InsecureSecretKeyAccess.get()));
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    private static com.google.crypto.tink.Key ecdsa(KeyType type, AsymmetricKeyParameter parsed)
            throws GeneralSecurityException {
        EcdsaParameters parameters = TinkKeysets.ecdsa(type);
        if (!(parsed instanceof ECPrivateKeyParameters ec)
                || !(ec.getParameters() instanceof ECNamedDomainParameters named)
                || !named.getName().equals(CURVES.get(parameters.getCurveType()))) {
            throw mismatch(type);
        }
        BigInteger d = ec.getD();
        if (d.signum() <= 0 || d.compareTo(named.getN()) >= 0) {
            throw new InvalidRequestException("key is not a valid " + type.wireName() + " private key");
        }
        ECPoint q = new FixedPointCombMultiplier().multiply(named.getG(), d).normalize();
        EcdsaPublicKey publicKey = EcdsaPublicKey.builder()
                .setParameters(parameters)
                .setPublicPoint(new java.security.spec.ECPoint(
                        q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger()))
                .build();
        return EcdsaPrivateKey.builder()
                .setPublicKey(publicKey)
                .setPrivateValue(SecretBigInteger.fromBigInteger(d, InsecureSecretKeyAccess.get()))
                .build();
    }

    private static InvalidRequestException mismatch(KeyType type) {
        return new InvalidRequestException("key does not match key type " + type.wireName());
    }
}
