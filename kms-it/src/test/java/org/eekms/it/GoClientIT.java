package org.eekms.it;

import static org.eekms.it.KmsClient.b64;
import static org.eekms.it.KmsClient.expect;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.eekms.it.KmsClient.Answer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every call of kms-go's (and AFGo's) webkms client in webkms reference §7.2–§7.3 — key manager and crypto, BBS+
 * and CL aside — replayed byte for byte: the JSON its structs marshal to (field order, {@code null} for nil byte
 * slices, omitempty fields left out) and its headers ({@code Content-Type: application/json} on POST only; none on
 * PUT and GET). RemoteCrypto needs exactly 200; RemoteKMS reads {@code errMessage} from errors. Key wrapping and
 * crypto boxes, with the same fidelity, are in {@link KeyWrapIT}.
 */
@ExtendWith(ArquillianExtension.class)
class GoClientIT {

    private static final String MESSAGE = b64("hello from a Go wallet".getBytes(StandardCharsets.UTF_8));

    @Deployment(testable = false)
    static Archive<?> deployment() {
        return Deployments.kms();
    }

    @ArquillianResource
    URL base;

    @Test
    void keyManagerCalls() throws Exception {
        KmsClient kms = new KmsClient(base.toString());
        // CreateKeyStore(httpClient, url, controller, "", nil): createKeystoreReq{Controller, EDV *edvOptions}
        Answer keystore = expect(200, goPost(kms, kms.base() + "/v1/keystores",
                "{\"controller\":\"did:example:123456789abcdefghi\",\"edv\":null}"));
        String keystoreUrl = keystore.string("key_store_url");
        assertTrue(keystoreUrl.startsWith("http"), "clients build every later URL from it");

        // Create(kms.ED25519Type) / CreateAndExportPubKeyBytes: createKeyReq{KeyType, Attrs omitempty}
        Answer created = expect(200, goPost(kms, keystoreUrl + "/keys", "{\"key_type\":\"ED25519\"}"));
        String keyUrl = created.string("key_url");
        String kid = keyUrl.substring(keyUrl.lastIndexOf('/') + 1);
        assertEquals(43, kid.length(), "the client takes the text after the last slash as the key id");
        assertEquals(32, created.bytes("public_key").length);

        // ExportPubKeyBytes(kid): GET without a body or Content-Type
        Answer exported = expect(200, goGet(kms, keystoreUrl + "/keys/" + kid + "/export"));
        assertArrayEquals(created.bytes("public_key"), exported.bytes("public_key"));
        assertEquals("ED25519", exported.string("key_type"));

        // ImportPrivateKey(priv, kms.ECDSAP256TypeIEEEP1363, WithKeyID("k1")): PUT without Content-Type,
        // importKeyReq{Key []byte, KeyType, KeyID omitempty}
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        Answer imported = expect(200, kms.send(HttpRequest.newBuilder(URI.create(keystoreUrl + "/keys"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"key\":\"" + b64(pair.getPrivate().getEncoded())
                        + "\",\"key_type\":\"ECDSAP256IEEEP1363\",\"key_id\":\"k1\"}"))));
        assertEquals(keystoreUrl + "/keys/k1", imported.string("key_url"));

        // an error RemoteKMS can read: {"errMessage": …}
        Answer duplicate = kms.send(HttpRequest.newBuilder(URI.create(keystoreUrl + "/keys"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"key\":\"" + b64(pair.getPrivate().getEncoded())
                        + "\",\"key_type\":\"ECDSAP256IEEEP1363\",\"key_id\":\"k1\"}")));
        assertEquals(409, duplicate.status(), duplicate.body());
        assertFalse(duplicate.string("errMessage").isEmpty());

        // HealthCheck(): GET {scheme}://{host}/healthcheck
        URI keystoreUri = URI.create(keystoreUrl);
        expect(200, goGet(kms, keystoreUri.getScheme() + "://" + keystoreUri.getAuthority() + "/healthcheck"));
    }

    @Test
    void cryptoCalls() {
        KmsClient kms = new KmsClient(base.toString());
        String keystoreUrl = expect(200, goPost(kms, kms.base() + "/v1/keystores",
                "{\"controller\":\"did:example:123\",\"edv\":null}")).string("key_store_url");

        // Sign(msg, kh) / Verify(sig, msg, kh): signReq{Message}, verifyReq{Signature, Message}
        String signer = expect(200, goPost(kms, keystoreUrl + "/keys", "{\"key_type\":\"ECDSAP256DER\"}"))
                .string("key_url");
        String signature = expect(200, goPost(kms, signer + "/sign", "{\"message\":\"" + MESSAGE + "\"}"))
                .string("signature");
        Answer verified = expect(200, goPost(kms, signer + "/verify",
                "{\"signature\":\"" + signature + "\",\"message\":\"" + MESSAGE + "\"}"));
        assertEquals("", verified.body().trim(), "verify-type calls answer an empty body");

        // Encrypt(msg, nil, kh): encryptReq{Message, AssociatedData omitempty}; Decrypt(ct, nil, nonce, kh):
        // decryptReq{Ciphertext, AssociatedData, Nonce} with a nil aad marshalled as null
        String aead = expect(200, goPost(kms, keystoreUrl + "/keys", "{\"key_type\":\"AES256GCM\"}"))
                .string("key_url");
        Answer encrypted = expect(200, goPost(kms, aead + "/encrypt", "{\"message\":\"" + MESSAGE + "\"}"));
        Answer decrypted = expect(200, goPost(kms, aead + "/decrypt", "{\"ciphertext\":\""
                + encrypted.string("ciphertext") + "\",\"associated_data\":null,\"nonce\":\""
                + encrypted.string("nonce") + "\"}"));
        assertEquals(MESSAGE, decrypted.string("plaintext"));
        String aad = b64("aad".getBytes(StandardCharsets.UTF_8));
        Answer withAad = expect(200, goPost(kms, aead + "/encrypt", "{\"message\":\"" + MESSAGE
                + "\",\"associated_data\":\"" + aad + "\"}"));
        assertEquals(MESSAGE, expect(200, goPost(kms, aead + "/decrypt", "{\"ciphertext\":\""
                + withAad.string("ciphertext") + "\",\"associated_data\":\"" + aad + "\",\"nonce\":\""
                + withAad.string("nonce") + "\"}")).string("plaintext"));

        // ComputeMAC(data, kh) / VerifyMAC(mac, data, kh): computeMACReq{Data}, verifyMACReq{MAC, Data}
        String mac = expect(200, goPost(kms, keystoreUrl + "/keys", "{\"key_type\":\"HMACSHA256Tag256\"}"))
                .string("key_url");
        String tag = expect(200, goPost(kms, mac + "/computemac", "{\"data\":\"" + MESSAGE + "\"}")).string("mac");
        expect(200, goPost(kms, mac + "/verifymac", "{\"mac\":\"" + tag + "\",\"data\":\"" + MESSAGE + "\"}"));
        Answer wrong = goPost(kms, mac + "/verifymac", "{\"mac\":\"" + tag + "\",\"data\":\"" + aad + "\"}");
        assertEquals(400, wrong.status(), "RemoteCrypto treats anything but 200 as failure");
    }

    private static Answer goPost(KmsClient kms, String url, String body) {
        return kms.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Answer goGet(KmsClient kms, String url) {
        return kms.send(HttpRequest.newBuilder(URI.create(url)).GET());
    }
}
