package org.eekms.crypto;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eekms.problem.InvalidRequestException;

/** The key types of the webkms API, by the exact strings TrustBloc's clients send. */
public enum KeyType {
    AES128GCM("AES128GCM", Family.AEAD),
    AES256GCM("AES256GCM", Family.AEAD),
    AES256GCM_NO_PREFIX("AES256GCMNoPrefix", Family.AEAD),
    CHACHA20POLY1305("ChaCha20Poly1305", Family.AEAD),
    XCHACHA20POLY1305("XChaCha20Poly1305", Family.AEAD),
    HMACSHA256_TAG256("HMACSHA256Tag256", Family.MAC),
    ED25519("ED25519", Family.SIGNATURE),
    ECDSAP256_DER("ECDSAP256DER", Family.SIGNATURE),
    ECDSAP384_DER("ECDSAP384DER", Family.SIGNATURE),
    ECDSAP521_DER("ECDSAP521DER", Family.SIGNATURE),
    ECDSAP256_IEEE_P1363("ECDSAP256IEEEP1363", Family.SIGNATURE),
    ECDSAP384_IEEE_P1363("ECDSAP384IEEEP1363", Family.SIGNATURE),
    ECDSAP521_IEEE_P1363("ECDSAP521IEEEP1363", Family.SIGNATURE),
    ECDSA_SECP256K1_IEEE_P1363("ECDSASecp256k1IEEEP1363", Family.SIGNATURE),
    NISTP256ECDHKW("NISTP256ECDHKW", Family.KEY_AGREEMENT),
    NISTP384ECDHKW("NISTP384ECDHKW", Family.KEY_AGREEMENT),
    NISTP521ECDHKW("NISTP521ECDHKW", Family.KEY_AGREEMENT),
    X25519ECDHKW("X25519ECDHKW", Family.KEY_AGREEMENT),
    BLS12381G2("BLS12381G2", Family.MULTI_MESSAGE_SIGNATURE);

    /**
     * What a key of the type does. KEY_AGREEMENT keys wrap and unwrap content keys (ECDH-ES and ECDH-1PU);
     * MULTI_MESSAGE_SIGNATURE keys make BBS+ signatures over lists of messages and the zero-knowledge proofs that
     * disclose some of them (signmulti, verifymulti, deriveproof, verifyproof), not single-message signatures.
     */
    public enum Family { AEAD, MAC, SIGNATURE, KEY_AGREEMENT, MULTI_MESSAGE_SIGNATURE }

    /** Types TrustBloc's clients name that this server refuses, with the reason the client is told. */
    private static final Map<String, String> REFUSED = Map.of(
            "ECDSASecp256k1DER", "secp256k1 keys sign in IEEE P1363 form only: use ECDSASecp256k1IEEEP1363"
                    + " (TrustBloc's server refuses ECDSASecp256k1DER too)",
            "CLCredDef", "CL (AnonCreds) keys are not supported",
            "CLMasterSecret", "CL (AnonCreds) keys are not supported",
            "RSARS256", "RSA keys are not supported",
            "RSAPS256", "RSA keys are not supported");

    private static final Map<String, KeyType> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(KeyType::wireName, Function.identity()));

    private final String wireName;
    private final Family family;

    KeyType(String wireName, Family family) {
        this.wireName = wireName;
        this.family = family;
    }

    /** The type named by a request, or a 400 naming the types that exist. */
    public static KeyType fromWireName(String name) {
        if (name == null || name.isEmpty()) {
            throw new InvalidRequestException("key_type is required");
        }
        KeyType type = BY_WIRE_NAME.get(name);
        if (type == null && REFUSED.containsKey(name)) {
            throw new InvalidRequestException("unsupported_key_type", REFUSED.get(name));
        }
        if (type == null) {
            String shown = name.length() > 64 ? name.substring(0, 64) + "…" : name;
            throw new InvalidRequestException("unsupported_key_type", "unsupported key type: " + shown);
        }
        return type;
    }

    public String wireName() {
        return wireName;
    }

    public Family family() {
        return family;
    }

    /** Asymmetric keys have a public key to export, and their key id is its RFC 7638 thumbprint. */
    public boolean isAsymmetric() {
        return family == Family.SIGNATURE || family == Family.KEY_AGREEMENT || family == Family.MULTI_MESSAGE_SIGNATURE;
    }

    /**
     * Whether a PKCS#8 private key of this type can be imported: the signature and key-agreement types (TrustBloc
     * imports only signature keys of the NIST curves and Ed25519; secp256k1 and key-agreement keys are our
     * extension). BLS12381G2 has no PKCS#8 form; TrustBloc refuses its import too.
     */
    public boolean acceptsPrivateKeyImport() {
        return family == Family.SIGNATURE || family == Family.KEY_AGREEMENT;
    }
}
