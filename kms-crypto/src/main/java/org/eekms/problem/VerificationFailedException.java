package org.eekms.problem;

/**
 * A signature or MAC that does not verify, or a ciphertext that does not decrypt. The message is the same whatever
 * the cause (wrong key, tampered data, wrong associated data), so it tells an attacker nothing.
 */
public final class VerificationFailedException extends KmsException {

    private static final long serialVersionUID = 1L;

    private VerificationFailedException(String code, String message) {
        super(code, message);
    }

    public static VerificationFailedException signature() {
        return new VerificationFailedException("verification_failed", "signature does not verify");
    }

    /** A BBS+ proof that does not show a signature over the revealed messages, for this key and nonce. */
    public static VerificationFailedException proof() {
        return new VerificationFailedException("verification_failed", "proof does not verify");
    }

    public static VerificationFailedException mac() {
        return new VerificationFailedException("verification_failed", "MAC does not verify");
    }

    public static VerificationFailedException decryption() {
        return new VerificationFailedException("decryption_failed", "ciphertext does not decrypt");
    }

    /** Whatever was wrong: the key, the sender, the tag, apu, apv or the wrapped bytes. */
    public static VerificationFailedException keyUnwrap() {
        return new VerificationFailedException("unwrap_failed", "the wrapped key does not unwrap");
    }

    @Override
    public Kind kind() {
        return Kind.BAD_REQUEST;
    }
}
