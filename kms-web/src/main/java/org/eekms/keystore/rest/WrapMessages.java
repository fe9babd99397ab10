package org.eekms.keystore.rest;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eekms.crypto.AgreementPublicKey;
import org.eekms.crypto.WrappedKey;

/**
 * The JSON bodies of key wrapping and of the NaCl crypto box (webkms reference §3.11–§3.12), with AFGo's field
 * names: inside key structures they are lower case without underscores ({@code encryptedcek}, {@code epk}).
 * {@code /wrap} and {@code /unwrap} carry either form, so their requests hold the fields of both.
 */
public final class WrapMessages {

    private WrapMessages() {
    }

    /** AFGo's {@code crypto.PublicKey}; Go leaves empty fields out, and so do we. */
    public record PublicKeyJson(
            @JsonbProperty("kid") String kid,
            @JsonbProperty("x") byte[] x,
            @JsonbProperty("y") byte[] y,
            @JsonbProperty("curve") String curve,
            @JsonbProperty("type") String type) {

        static PublicKeyJson of(AgreementPublicKey key) {
            return key == null ? null
                    : new PublicKeyJson(emptyToNull(key.kid()), emptyToNull(key.x()), emptyToNull(key.y()),
                            emptyToNull(key.curve()), emptyToNull(key.type()));
        }

        AgreementPublicKey toKey() {
            return new AgreementPublicKey(kid, x, y, curve, type);
        }

        static AgreementPublicKey toKey(PublicKeyJson json) {
            return json == null ? null : json.toKey();
        }
    }

    /** AFGo's {@code crypto.RecipientWrappedKey}: the wrap answer (at top level) and the unwrap input. */
    public record WrappedKeyJson(
            @JsonbProperty("kid") String kid,
            @JsonbProperty("encryptedcek") byte[] encryptedCek,
            @JsonbProperty("epk") PublicKeyJson epk,
            @JsonbProperty("alg") String alg,
            @JsonbProperty("apu") byte[] apu,
            @JsonbProperty("apv") byte[] apv) {

        static WrappedKeyJson of(WrappedKey key) {
            return new WrappedKeyJson(emptyToNull(key.kid()), emptyToNull(key.encryptedCek()),
                    PublicKeyJson.of(key.epk()), emptyToNull(key.alg()), emptyToNull(key.apu()),
                    emptyToNull(key.apv()));
        }

        WrappedKey toKey() {
            return new WrappedKey(kid, encryptedCek, PublicKeyJson.toKey(epk), alg, apu, apv);
        }

        /** TrustBloc's test for a crypto-box unwrap: neither a wrapped key nor an algorithm. */
        boolean isEmpty() {
            return encryptedCek == null && (alg == null || alg.isEmpty());
        }
    }

    /** Wrap ({@code cek} present) or, on a key's {@code /wrap}, crypto box Easy ({@code cek} absent or null). */
    public record WrapRequest(
            @JsonbProperty("cek") byte[] cek,
            @JsonbProperty("apu") byte[] apu,
            @JsonbProperty("apv") byte[] apv,
            @JsonbProperty("recipient_pub_key") PublicKeyJson recipientPublicKey,
            @JsonbProperty("tag") byte[] tag,
            @JsonbProperty("payload") byte[] payload,
            @JsonbProperty("nonce") byte[] nonce,
            @JsonbProperty("their_pub") byte[] theirPublicKey) {
    }

    /** Unwrap ({@code wrapped_key} present) or crypto box EasyOpen / SealOpen ({@code ciphertext} and {@code my_pub}). */
    public record UnwrapRequest(
            @JsonbProperty("wrapped_key") WrappedKeyJson wrappedKey,
            @JsonbProperty("sender_pub_key") PublicKeyJson senderPublicKey,
            @JsonbProperty("tag") byte[] tag,
            @JsonbProperty("ciphertext") byte[] ciphertext,
            @JsonbProperty("nonce") byte[] nonce,
            @JsonbProperty("their_pub") byte[] theirPublicKey,
            @JsonbProperty("my_pub") byte[] myPublicKey) {

        boolean isCryptoBox() {
            return wrappedKey == null || wrappedKey.isEmpty();
        }
    }

    public record UnwrapResponse(@JsonbProperty("key") byte[] key) {
    }

    /** AFGo v0.1.8's {@code …/keys/{kid}/easy}. */
    public record EasyRequest(
            @JsonbProperty("payload") byte[] payload,
            @JsonbProperty("nonce") byte[] nonce,
            @JsonbProperty("their_pub") byte[] theirPublicKey) {
    }

    public record EasyResponse(@JsonbProperty("ciphertext") byte[] ciphertext) {
    }

    /** AFGo v0.1.8's {@code {ks}/easyopen} and {@code {ks}/sealopen} (the latter without nonce and their_pub). */
    public record OpenRequest(
            @JsonbProperty("ciphertext") byte[] ciphertext,
            @JsonbProperty("nonce") byte[] nonce,
            @JsonbProperty("their_pub") byte[] theirPublicKey,
            @JsonbProperty("my_pub") byte[] myPublicKey) {
    }

    public record OpenResponse(@JsonbProperty("plaintext") byte[] plaintext) {
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static byte[] emptyToNull(byte[] value) {
        return value == null || value.length == 0 ? null : value;
    }
}
