package org.eekms.crypto;

import java.util.Arrays;
import java.util.Objects;

/**
 * The public half of a key-agreement key as AFGo's {@code crypto.PublicKey} carries it in key wrapping: a
 * recipient's, a sender's or an ephemeral key. EC keys have {@code x} and {@code y} (big-endian, the curve's
 * length) and {@code type} "EC"; X25519 keys only {@code x} (32 bytes) and {@code type} "OKP". {@code curve} is
 * "NIST_P256", "NIST_P384", "NIST_P521" or "X25519" in exports, "P-256", "P-384", "P-521" in ephemeral keys.
 */
public record AgreementPublicKey(String kid, byte[] x, byte[] y, String curve, String type) {

    public AgreementPublicKey {
        x = x == null ? null : x.clone();
        y = y == null ? null : y.clone();
    }

    @Override
    public byte[] x() {
        return x == null ? null : x.clone();
    }

    @Override
    public byte[] y() {
        return y == null ? null : y.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AgreementPublicKey that && Objects.equals(kid, that.kid) && Arrays.equals(x, that.x)
                && Arrays.equals(y, that.y) && Objects.equals(curve, that.curve) && Objects.equals(type, that.type);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kid, Arrays.hashCode(x), Arrays.hashCode(y), curve, type);
    }

    @Override
    public String toString() {
        return "AgreementPublicKey[kid=" + kid + ", curve=" + curve + ", type=" + type + "]";
    }
}
