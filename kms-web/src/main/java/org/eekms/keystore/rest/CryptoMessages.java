package org.eekms.keystore.rest;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** The JSON bodies of the crypto operations (webkms reference §3.7–§3.10). */
public final class CryptoMessages {

    private CryptoMessages() {
    }

    public record SignRequest(@JsonbProperty("message") byte[] message) {
    }

    public record SignResponse(@JsonbProperty("signature") byte[] signature) {
    }

    public record VerifyRequest(@JsonbProperty("signature") byte[] signature, @JsonbProperty("message") byte[] message) {
    }

    public record EncryptRequest(
            @JsonbProperty("message") byte[] message,
            @JsonbProperty("associated_data") byte[] associatedData) {
    }

    public record EncryptResponse(@JsonbProperty("ciphertext") byte[] ciphertext, @JsonbProperty("nonce") byte[] nonce) {
    }

    public record DecryptRequest(
            @JsonbProperty("ciphertext") byte[] ciphertext,
            @JsonbProperty("associated_data") byte[] associatedData,
            @JsonbProperty("nonce") byte[] nonce) {
    }

    public record DecryptResponse(@JsonbProperty("plaintext") byte[] plaintext) {
    }

    public record ComputeMacRequest(@JsonbProperty("data") byte[] data) {
    }

    public record ComputeMacResponse(@JsonbProperty("mac") byte[] mac) {
    }

    public record VerifyMacRequest(@JsonbProperty("mac") byte[] mac, @JsonbProperty("data") byte[] data) {
    }

    // ---- BBS+ (§3.10): the messages of a signature in order; a proof's verifier sends only the revealed ones

    public record SignMultiRequest(@JsonbProperty("messages") List<byte[]> messages) {
    }

    public record VerifyMultiRequest(
            @JsonbProperty("signature") byte[] signature,
            @JsonbProperty("messages") List<byte[]> messages) {
    }

    public record DeriveProofRequest(
            @JsonbProperty("messages") List<byte[]> messages,
            @JsonbProperty("signature") byte[] signature,
            @JsonbProperty("nonce") byte[] nonce,
            @JsonbProperty("revealed_indexes") List<Integer> revealedIndexes) {
    }

    public record DeriveProofResponse(@JsonbProperty("proof") byte[] proof) {
    }

    public record VerifyProofRequest(
            @JsonbProperty("proof") byte[] proof,
            @JsonbProperty("messages") List<byte[]> messages,
            @JsonbProperty("nonce") byte[] nonce) {
    }
}
