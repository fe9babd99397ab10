package org.eekms.keystore.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.bind.Jsonb;
import java.nio.charset.StandardCharsets;
import org.eekms.rest.JsonbConfiguration;
import org.junit.jupiter.api.Test;

/** The JSON the API reads and writes, with the JSON-B implementation Payara and WildFly ship. */
class WireFormatTest {

    private final Jsonb jsonb = new JsonbConfiguration().getContext(Object.class);

    @Test
    void readsSnakeCaseFieldsAndIgnoresUnknownOnes() {
        var request = jsonb.fromJson("{\"controller\":\"did:example:alice\",\"edv\":null,\"extra\":{\"a\":1}}",
                KeystoreMessages.CreateKeystoreRequest.class);
        assertEquals("did:example:alice", request.controller());
        assertNull(request.secretLock());
    }

    @Test
    void matchesFieldNamesCaseInsensitivelyAsGoDoes() {
        var request = jsonb.fromJson("{\"KEY_TYPE\":\"ED25519\"}", KeyMessages.CreateKeyRequest.class);
        assertEquals("ED25519", request.keyType());
    }

    @Test
    void binaryFieldsAreStandardBase64WithPadding() {
        var request = jsonb.fromJson("{\"message\":\"aGVsbG8+Pz8=\",\"associated_data\":\"YQ==\"}",
                CryptoMessages.EncryptRequest.class);
        assertArrayEquals("hello>??".getBytes(StandardCharsets.US_ASCII), request.message());
        assertArrayEquals(new byte[] {'a'}, request.associatedData());
        assertEquals("{\"ciphertext\":\"/+8=\",\"nonce\":\"AQ==\"}",
                jsonb.toJson(new CryptoMessages.EncryptResponse(new byte[] {(byte) 0xff, (byte) 0xef}, new byte[] {1})));
    }

    @Test
    void anythingButPaddedStandardBase64IsRejected() {
        for (String value : new String[] {"\"_-8=\"", "\"/-8\"", "\"YQ\"", "42", "[1,2]", "{}", "true"}) {
            assertThrows(RuntimeException.class,
                    () -> jsonb.fromJson("{\"message\":" + value + "}", CryptoMessages.SignRequest.class), value);
        }
        assertNull(jsonb.fromJson("{\"message\":null}", CryptoMessages.SignRequest.class).message());
    }

    @Test
    void symmetricKeysAnswerWithANullPublicKey() {
        assertEquals("{\"key_url\":\"u\",\"public_key\":null}",
                jsonb.toJson(new KeyMessages.CreateKeyResponse("u", null)));
    }

    @Test
    void bbsBodiesCarryListsOfStandardBase64Messages() {
        var derive = jsonb.fromJson("{\"messages\":[\"YQ==\",\"\",null],\"signature\":\"AQI=\",\"nonce\":\"bg==\","
                + "\"revealed_indexes\":[2,0]}", CryptoMessages.DeriveProofRequest.class);
        assertEquals(3, derive.messages().size());
        assertArrayEquals(new byte[] {'a'}, derive.messages().get(0));
        assertArrayEquals(new byte[0], derive.messages().get(1));
        assertNull(derive.messages().get(2));
        assertArrayEquals(new byte[] {1, 2}, derive.signature());
        assertArrayEquals(new byte[] {'n'}, derive.nonce());
        assertEquals(java.util.List.of(2, 0), derive.revealedIndexes());
        var verify = jsonb.fromJson("{\"proof\":\"AQ==\",\"messages\":[\"Yg==\"]}", CryptoMessages.VerifyProofRequest.class);
        assertArrayEquals(new byte[] {'b'}, verify.messages().get(0));
        assertNull(verify.nonce());
        assertEquals("{\"proof\":\"AQI=\"}", jsonb.toJson(new CryptoMessages.DeriveProofResponse(new byte[] {1, 2})));
        assertThrows(RuntimeException.class,
                () -> jsonb.fromJson("{\"messages\":[\"YQ\"]}", CryptoMessages.SignMultiRequest.class));
    }
}
