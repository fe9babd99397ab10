package org.eekms.crypto;

import java.util.Arrays;
import java.util.Objects;

/**
 * A content-encryption key wrapped for one recipient, as AFGo's {@code crypto.RecipientWrappedKey}: the
 * recipient's key id, the wrapped key, the ephemeral public key, the JWE {@code alg} and the party infos the key
 * derivation used.
 */
public record WrappedKey(String kid, byte[] encryptedCek, AgreementPublicKey epk, String alg, byte[] apu,
        byte[] apv) {

    public WrappedKey {
        encryptedCek = encryptedCek == null ? null : encryptedCek.clone();
        apu = apu == null ? null : apu.clone();
        apv = apv == null ? null : apv.clone();
    }

    @Override
    public byte[] encryptedCek() {
        return encryptedCek == null ? null : encryptedCek.clone();
    }

    @Override
    public byte[] apu() {
        return apu == null ? null : apu.clone();
    }

    @Override
    public byte[] apv() {
        return apv == null ? null : apv.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WrappedKey that && Objects.equals(kid, that.kid)
                && Arrays.equals(encryptedCek, that.encryptedCek) && Objects.equals(epk, that.epk)
                && Objects.equals(alg, that.alg) && Arrays.equals(apu, that.apu) && Arrays.equals(apv, that.apv);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kid, Arrays.hashCode(encryptedCek), epk, alg, Arrays.hashCode(apu), Arrays.hashCode(apv));
    }

    @Override
    public String toString() {
        return "WrappedKey[kid=" + kid + ", alg=" + alg + "]";
    }
}
