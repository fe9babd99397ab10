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
    ECDSAP521_IEEE_P1363("ECDSAP521IEEEP1363", Family.SIGNATURE);

    /** What a key of the type does. */
    public enum Family { AEAD, MAC, SIGNATURE }

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
        return family == Family.SIGNATURE;
    }

    /** Whether a PKCS#8 private key of this type can be imported. */
    public boolean acceptsPrivateKeyImport() {
        return family == Family.SIGNATURE;
    }
}
