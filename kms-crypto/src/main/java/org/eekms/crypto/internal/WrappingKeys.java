package org.eekms.crypto.internal;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.Base64;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.util.BigIntegers;
import org.eekms.crypto.AgreementPublicKey;
import org.eekms.crypto.KeyType;

/** The exported public key of an ECDH key-wrapping key: AFGo's {@code crypto.PublicKey} and its JSON. */
final class WrappingKeys {

    private WrappingKeys() {
    }

    /**
     * As AFGo's export makes it: coordinates big-endian without leading zeros (Go's {@code big.Int.Bytes()}),
     * curve "NIST_P256", "NIST_P384", "NIST_P521" or "X25519", type "EC" or "OKP".
     */
    static AgreementPublicKey of(KeyType type, AsymmetricKeyParameter publicKey, String kid) {
        if (publicKey instanceof X25519PublicKeyParameters x25519) {
            return new AgreementPublicKey(kid, x25519.getEncoded(), null, "X25519", KeyWrap.OKP);
        }
        var q = ((ECPublicKeyParameters) publicKey).getQ().normalize();
        String curve = switch (type) {
            case NISTP256ECDHKW -> "NIST_P256";
            case NISTP384ECDHKW -> "NIST_P384";
            case NISTP521ECDHKW -> "NIST_P521";
            default -> throw new IllegalArgumentException("not an ECDH key type: " + type);
        };
        return new AgreementPublicKey(kid, BigIntegers.asUnsignedByteArray(q.getAffineXCoord().toBigInteger()),
                BigIntegers.asUnsignedByteArray(q.getAffineYCoord().toBigInteger()), curve, KeyWrap.EC);
    }

    /** Go's {@code json.Marshal}: fields in declaration order, empty ones left out, bytes in padded base64. */
    static String json(AgreementPublicKey key) {
        Base64.Encoder base64 = Base64.getEncoder();
        JsonObjectBuilder json = Json.createObjectBuilder();
        if (key.kid() != null && !key.kid().isEmpty()) {
            json.add("kid", key.kid());
        }
        if (key.x() != null && key.x().length > 0) {
            json.add("x", base64.encodeToString(key.x()));
        }
        if (key.y() != null && key.y().length > 0) {
            json.add("y", base64.encodeToString(key.y()));
        }
        json.add("curve", key.curve());
        json.add("type", key.type());
        return json.build().toString();
    }
}
