package org.eekms.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.eekms.problem.InvalidRequestException;
import org.eekms.problem.KmsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyTypeTest {

    /** The exact strings of TrustBloc's kms-go {@code spi/kms} (webkms reference §4.1). */
    private static final Map<String, KeyType.Family> WIRE_NAMES = Map.ofEntries(
            Map.entry("AES128GCM", KeyType.Family.AEAD),
            Map.entry("AES256GCM", KeyType.Family.AEAD),
            Map.entry("AES256GCMNoPrefix", KeyType.Family.AEAD),
            Map.entry("ChaCha20Poly1305", KeyType.Family.AEAD),
            Map.entry("XChaCha20Poly1305", KeyType.Family.AEAD),
            Map.entry("HMACSHA256Tag256", KeyType.Family.MAC),
            Map.entry("ED25519", KeyType.Family.SIGNATURE),
            Map.entry("ECDSAP256DER", KeyType.Family.SIGNATURE),
            Map.entry("ECDSAP384DER", KeyType.Family.SIGNATURE),
            Map.entry("ECDSAP521DER", KeyType.Family.SIGNATURE),
            Map.entry("ECDSAP256IEEEP1363", KeyType.Family.SIGNATURE),
            Map.entry("ECDSAP384IEEEP1363", KeyType.Family.SIGNATURE),
            Map.entry("ECDSAP521IEEEP1363", KeyType.Family.SIGNATURE),
            Map.entry("ECDSASecp256k1IEEEP1363", KeyType.Family.SIGNATURE),
            Map.entry("NISTP256ECDHKW", KeyType.Family.KEY_AGREEMENT),
            Map.entry("NISTP384ECDHKW", KeyType.Family.KEY_AGREEMENT),
            Map.entry("NISTP521ECDHKW", KeyType.Family.KEY_AGREEMENT),
            Map.entry("X25519ECDHKW", KeyType.Family.KEY_AGREEMENT),
            Map.entry("BLS12381G2", KeyType.Family.MULTI_MESSAGE_SIGNATURE));

    @Test
    void wireNamesAreTrustBlocsStrings() {
        Map<String, KeyType.Family> actual = Arrays.stream(KeyType.values())
                .collect(Collectors.toMap(KeyType::wireName, KeyType::family));
        assertEquals(WIRE_NAMES, actual);
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void fromWireNameFindsEveryType(KeyType type) {
        assertSame(type, KeyType.fromWireName(type.wireName()));
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void signatureAndKeyAgreementKeysAreAsymmetricAndImportable(KeyType type) {
        boolean importable = type.family() == KeyType.Family.SIGNATURE
                || type.family() == KeyType.Family.KEY_AGREEMENT;
        assertEquals(importable || type == KeyType.BLS12381G2, type.isAsymmetric());
        assertEquals(importable, type.acceptsPrivateKeyImport());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ECDSASecp256k1DER", "RSARS256", "RSAPS256", "CLCredDef", "CLMasterSecret"})
    void typesTrustBlocNamesButWeRefuseSayWhy(String name) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> KeyType.fromWireName(name));
        assertEquals("unsupported_key_type", e.code());
        assertTrue(e.getMessage().contains("not supported") || e.getMessage().contains("IEEE P1363"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA", "BLS12381G1", "NISTP256ECDH", "ECDSASecp256k1", "ed25519",
            "ECDSAP256_DER", " ED25519", "ED25519 ", "AES256GCM_NO_PREFIX"})
    void unknownNamesAreUnsupportedKeyTypes(String name) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> KeyType.fromWireName(name));
        assertEquals("unsupported_key_type", e.code());
        assertEquals(KmsException.Kind.BAD_REQUEST, e.kind());
        assertTrue(e.getMessage().contains(name), e.getMessage());
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingNamesAreInvalidRequests(String name) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> KeyType.fromWireName(name));
        assertEquals("invalid_request", e.code());
        assertEquals(KmsException.Kind.BAD_REQUEST, e.kind());
    }

    @Test
    void longUnknownNamesAreCutInTheMessage() {
        String name = "X".repeat(10_000);
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> KeyType.fromWireName(name));
        assertEquals("unsupported_key_type", e.code());
        assertTrue(e.getMessage().contains("X".repeat(64)), e.getMessage());
        assertFalse(e.getMessage().contains("X".repeat(65)), "the message echoes at most 64 characters");
    }
}
