package org.eekms.it;

import static org.eekms.it.KmsClient.b64;
import static org.eekms.it.KmsClient.expect;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goterl.lazysodium.SodiumJava;
import com.goterl.lazysodium.utils.LibraryLoader;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.eekms.it.KmsClient.Answer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Key wrapping, crypto boxes and secp256k1 over HTTP against the real kms-micro WAR, with the request bodies
 * exactly as AFGo's and kms-go's webkms client marshals them (field order, {@code null} for nil byte slices,
 * AFGo's lower-case names inside key structures). The other side of each exchange is independent of the server:
 * the JDK's ECDH and AESWrap, libsodium for the boxes, BouncyCastle's JCA provider for secp256k1, and the
 * ECDH-1PU draft's own test vector.
 */
@ExtendWith(ArquillianExtension.class)
class KeyWrapIT {

    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final SodiumJava SODIUM = new SodiumJava(LibraryLoader.Mode.BUNDLED_ONLY);

    @Deployment(testable = false)
    static Archive<?> deployment() {
        return Deployments.kms();
    }

    @ArquillianResource
    URL base;

    private KmsClient kms;
    private String keystore;

    @BeforeEach
    void keystore() {
        kms = new KmsClient(base.toString());
        keystore = kms.createKeystore();
    }

    // ---- ECDH key-wrapping keys

    @Test
    void ecdhKeysExportAfgosPublicKeyJsonUnderTheirThumbprint() {
        for (String type : new String[] {"NISTP256ECDHKW", "NISTP384ECDHKW", "NISTP521ECDHKW", "X25519ECDHKW"}) {
            Answer created = expect(200, kms.createKey(keystore, type));
            String keyUrl = created.string("key_url");
            JsonObject key = parse(created.bytes("public_key"));
            assertTrue(keyUrl.endsWith("/keys/" + key.getString("kid")), keyUrl);
            assertEquals(type.startsWith("X25519") ? "OKP" : "EC", key.getString("type"));
            assertEquals(type.startsWith("X25519") ? "X25519" : "NIST_" + type.substring(4, 8),
                    key.getString("curve"));
            assertEquals(type.startsWith("X25519"), !key.containsKey("y"));
            Answer exported = expect(200, kms.get(keyUrl + "/export"));
            assertArrayEquals(created.bytes("public_key"), exported.bytes("public_key"));
            assertEquals(type, exported.string("key_type"));
            String json = new String(exported.bytes("public_key"), StandardCharsets.UTF_8);
            assertTrue(json.matches("\\{\"kid\":\"[A-Za-z0-9_-]{43}\",\"x\":\"[A-Za-z0-9+/=]+\","
                    + "(\"y\":\"[A-Za-z0-9+/=]+\",)?\"curve\":\"[A-Z0-9_]+\",\"type\":\"(EC|OKP)\"\\}"), json);
        }
    }

    @Test
    void anoncryptToAJdkKeyUnwrapsWithTheJdk() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPair recipient = generator.generateKeyPair();
        ECPublicKey publicKey = (ECPublicKey) recipient.getPublic();
        byte[] cek = random(32);
        // kms-go RemoteCrypto.WrapKey(cek, apu, apv, recPubKey): apv nil → null, tag omitted
        String body = "{\"cek\":\"" + b64(cek) + "\",\"apu\":\"" + b64(bytes("Alice")) + "\",\"apv\":null,"
                + "\"recipient_pub_key\":{\"kid\":\"their-key\",\"x\":\"" + b64(unsigned(publicKey.getW().getAffineX()))
                + "\",\"y\":\"" + b64(unsigned(publicKey.getW().getAffineY())) + "\",\"curve\":\"NIST_P384\",\"type\":\"EC\"}}";
        JsonObject wrapped = expect(200, kms.post(keystore + "/wrap", body)).json();
        assertEquals("their-key", wrapped.getString("kid"));
        assertEquals("ECDH-ES+A256KW", wrapped.getString("alg"));
        assertEquals(b64(bytes("Alice")), wrapped.getString("apu"));
        assertFalse(wrapped.containsKey("apv"), "Go leaves an empty apv out");
        JsonObject epk = wrapped.getJsonObject("epk");
        assertEquals("P-384", epk.getString("curve"));
        assertEquals("EC", epk.getString("type"));

        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(recipient.getPrivate());
        ecdh.doPhase(KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(
                new BigInteger(1, decode(epk, "x")), new BigInteger(1, decode(epk, "y"))), publicKey.getParams())), true);
        byte[] kek = concatKdf(ecdh.generateSecret(), "ECDH-ES+A256KW", bytes("Alice"), new byte[0], 32, null);
        assertArrayEquals(cek, aesUnwrap(kek, decode(wrapped, "encryptedcek")));
    }

    @Test
    void keysTheJdkWrapsToAServerKeyUnwrap() throws Exception {
        Answer created = expect(200, kms.createKey(keystore, "NISTP256ECDHKW"));
        JsonObject recipient = parse(created.bytes("public_key"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair ephemeral = generator.generateKeyPair();
        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(ephemeral.getPrivate());
        ecdh.doPhase(KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(
                new BigInteger(1, decode(recipient, "x")), new BigInteger(1, decode(recipient, "y"))),
                ((ECPublicKey) ephemeral.getPublic()).getParams())), true);
        byte[] cek = random(32);
        byte[] apv = random(32);
        byte[] encrypted = aesWrap(concatKdf(ecdh.generateSecret(), "ECDH-ES+A256KW", bytes("apu"), apv, 32, null), cek);
        ECPoint w = ((ECPublicKey) ephemeral.getPublic()).getW();
        String body = "{\"wrapped_key\":{\"kid\":\"" + recipient.getString("kid") + "\",\"encryptedcek\":\""
                + b64(encrypted) + "\",\"epk\":{\"x\":\"" + b64(unsigned(w.getAffineX())) + "\",\"y\":\""
                + b64(unsigned(w.getAffineY())) + "\",\"curve\":\"P-256\",\"type\":\"EC\"},\"alg\":\"ECDH-ES+A256KW\","
                + "\"apu\":\"" + b64(bytes("apu")) + "\",\"apv\":\"" + b64(apv) + "\"}}";
        assertArrayEquals(cek, expect(200, kms.post(created.string("key_url") + "/unwrap", body)).bytes("key"));

        Answer tampered = kms.post(created.string("key_url") + "/unwrap", body.replace(b64(apv), b64(random(32))));
        assertEquals(400, tampered.status(), tampered.body());
        assertEquals("unwrap_failed", tampered.code());
    }

    @Test
    void authcryptBetweenServerKeysWithTheTagAndEveryWrongInputRefused() {
        String alice = expect(200, kms.createKey(keystore, "NISTP256ECDHKW")).string("key_url");
        String bob = expect(200, kms.createKey(keystore, "NISTP256ECDHKW")).string("key_url");
        String aliceKey = exportedJson(alice);
        String bobKey = exportedJson(bob);
        byte[] cek = random(64);
        byte[] tag = random(32);
        // kms-go: WrapKey(cek, apu, apv, recPubKey, WithSender(aliceURL), WithTag(tag)) posts to Alice's key
        JsonObject wrapped = expect(200, kms.post(alice + "/wrap", "{\"cek\":\"" + b64(cek) + "\",\"apu\":\""
                + b64(bytes("Alice")) + "\",\"apv\":\"" + b64(bytes("Bob")) + "\",\"recipient_pub_key\":" + bobKey
                + ",\"tag\":\"" + b64(tag) + "\"}")).json();
        assertEquals("ECDH-1PU+A256KW", wrapped.getString("alg"));
        assertEquals(parse(bobKey).getString("kid"), wrapped.getString("kid"));
        assertEquals(72, decode(wrapped, "encryptedcek").length);

        String unwrap = "{\"wrapped_key\":" + wrapped + ",\"sender_pub_key\":" + aliceKey + ",\"tag\":\"" + b64(tag) + "\"}";
        assertArrayEquals(cek, expect(200, kms.post(bob + "/unwrap", unwrap)).bytes("key"));

        assertFailure(400, "unwrap_failed", kms.post(bob + "/unwrap", unwrap.replace(b64(tag), b64(random(32)))));
        assertFailure(400, "unwrap_failed", kms.post(bob + "/unwrap",
                "{\"wrapped_key\":" + wrapped + ",\"sender_pub_key\":" + bobKey + ",\"tag\":\"" + b64(tag) + "\"}"));
        assertFailure(400, "unwrap_failed", kms.post(alice + "/unwrap", unwrap));
        assertFailure(400, "invalid_request", kms.post(bob + "/unwrap", "{\"wrapped_key\":" + wrapped + "}"));
        String p384 = exportedJson(expect(200, kms.createKey(keystore, "NISTP384ECDHKW")).string("key_url"));
        assertFailure(400, "invalid_request", kms.post(bob + "/unwrap",
                "{\"wrapped_key\":" + wrapped + ",\"sender_pub_key\":" + p384 + ",\"tag\":\"" + b64(tag) + "\"}"));
        assertFailure(400, "invalid_request", kms.post(alice + "/wrap", "{\"cek\":\"" + b64(cek)
                + "\",\"apu\":null,\"apv\":null,\"recipient_pub_key\":" + p384 + "}"));
        assertFailure(400, "invalid_request", kms.post(alice + "/wrap", "{\"cek\":\"" + b64(random(16))
                + "\",\"apu\":null,\"apv\":null,\"recipient_pub_key\":" + bobKey + "}"));
        assertFailure(400, "unsupported_algorithm", kms.post(bob + "/unwrap",
                unwrap.replace("ECDH-1PU+A256KW", "ECDH-1PU+A512KW")));
        JsonObject offCurve = Json.createObjectBuilder(wrapped).add("epk", Json.createObjectBuilder(
                wrapped.getJsonObject("epk")).add("y", wrapped.getJsonObject("epk").getString("x"))).build();
        assertFailure(400, "invalid_request", kms.post(bob + "/unwrap",
                "{\"wrapped_key\":" + offCurve + ",\"sender_pub_key\":" + aliceKey + "}"));
        String es = "{\"cek\":\"" + b64(cek) + "\",\"apu\":null,\"apv\":null,\"recipient_pub_key\":" + bobKey + "}";
        assertEquals("ECDH-ES+A256KW", expect(200, kms.post(keystore + "/wrap", es)).string("alg"),
                "the keystore-level route is anoncrypt, a 64-byte CEK included");
    }

    @Test
    void unwrapsTheEcdh1puDraftAppendixBForAnImportedX25519Key() throws Exception {
        // draft-madden-jose-ecdh-1pu-04 Appendix B: Bob's static key, Alice's, the ephemeral key, tag and CEK
        byte[] bobD = Base64.getUrlDecoder().decode("1gDirl_r_Y3-qUa3WXHgEXrrEHngWThU3c9zj9A2uBg");
        byte[] pkcs8 = PrivateKeyInfoFactory.createPrivateKeyInfo(new X25519PrivateKeyParameters(bobD)).getEncoded();
        String bob = expect(200, kms.put(keystore + "/keys", "{\"key\":\"" + b64(pkcs8)
                + "\",\"key_type\":\"X25519ECDHKW\",\"key_id\":\"bob\"}")).string("key_url");
        String body = "{\"wrapped_key\":{\"kid\":\"bob\",\"encryptedcek\":\"" + b64(Base64.getUrlDecoder().decode(
                "pOMVA9_PtoRe7xXW1139NzzN1UhiFoio8lGto9cf0t8PyU-sjNXH8-LIRLycq8CHJQbDwvQeU1cSl55cQ0hGezJu2N9IY0QN"))
                + "\",\"epk\":{\"x\":\"" + b64url("k9of_cpAajy0poW5gaixXGs9nHkwg1AFqUAFa39dyBc")
                + "\",\"curve\":\"X25519\",\"type\":\"OKP\"},\"alg\":\"ECDH-1PU+A128KW\",\"apu\":\"" + b64(bytes("Alice"))
                + "\",\"apv\":\"" + b64(bytes("Bob and Charlie")) + "\"},\"sender_pub_key\":{\"x\":\""
                + b64url("Knbm_BcdQr7WIoz-uqit9M0wbcfEr6y-9UfIZ8QnBD4") + "\",\"curve\":\"X25519\",\"type\":\"OKP\"},"
                + "\"tag\":\"" + b64url("HLb4fTlm8spGmij3RyOs2gJ4DpHM4hhVRwdF_hGb3WQ") + "\"}";
        assertEquals("fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0efeeedecebeae9e8e7e6e5e4e3e2e1e0dfdedddcdbdad9d8d7d6d5d4d3d2d1d0"
                + "cfcecdcccbcac9c8c7c6c5c4c3c2c1c0",
                HEX.formatHex(expect(200, kms.post(bob + "/unwrap", body)).bytes("key")));
    }

    @Test
    void unwrapsXc20pkwWhichTheServerNeverProduces() throws Exception {
        // RFC 7518 Appendix C's Bob as the recipient; a vector computed along AFGo's ECDH-ES+XC20PKW path
        byte[] pkcs8 = ecPkcs8("secp256r1", Base64.getUrlDecoder().decode("VEmDZpDXXK8p8N0Cndsxs924q6nS1RXFASRl6BfUqdw"));
        String bob = expect(200, kms.put(keystore + "/keys", "{\"key\":\"" + b64(pkcs8)
                + "\",\"key_type\":\"NISTP256ECDHKW\"}")).string("key_url");
        String body = "{\"wrapped_key\":{\"kid\":\"bob\",\"encryptedcek\":\"" + b64(HEX.parseHex(
                "404142434445464748494a4b4c4d4e4f505152535455565766a1b5e8c3ef41915b1ccd1f7807d79792a4d523f469f8d5"
                + "0aed6476480ad5130f79d7e35fb904e79877e8413f228153")) + "\",\"epk\":{\"x\":\""
                + b64url("gI0GAILBdu7T53akrFmMyGcsF3n5dO7MmwNBHKW5SV0") + "\",\"y\":\""
                + b64url("SLW_xSffzlPWrHEVI30DHM_4egVwt3NQqeUD7nMFpps") + "\",\"curve\":\"P-256\",\"type\":\"EC\"},"
                + "\"alg\":\"ECDH-ES+XC20PKW\",\"apu\":\"" + b64(bytes("Alice")) + "\",\"apv\":\"" + b64(bytes("Bob")) + "\"}}";
        assertEquals("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
                HEX.formatHex(expect(200, kms.post(bob + "/unwrap", body)).bytes("key")));
    }

    // ---- NaCl crypto box on Ed25519 keys

    @Test
    void cryptoBoxEasyEasyOpenAndSealOpenAsLibsodiumDoesThem() {
        Answer created = expect(200, kms.createKey(keystore, "ED25519"));
        String keyUrl = created.string("key_url");
        byte[] myPublic = created.bytes("public_key");
        byte[] myX25519 = new byte[32];
        assertEquals(0, SODIUM.crypto_sign_ed25519_pk_to_curve25519(myX25519, myPublic));
        byte[] theirPk = new byte[32];
        byte[] theirSk = new byte[32];
        assertEquals(0, SODIUM.crypto_box_keypair(theirPk, theirSk));
        byte[] payload = bytes("a legacy packer's payload");
        byte[] nonce = random(24);

        // Easy: kms-go CryptoBox.Easy posts {payload, nonce, their_pub} to the sender key's /wrap
        byte[] box = expect(200, kms.post(keyUrl + "/wrap", "{\"payload\":\"" + b64(payload) + "\",\"nonce\":\""
                + b64(nonce) + "\",\"their_pub\":\"" + b64(theirPk) + "\"}")).bytes("ciphertext");
        byte[] opened = new byte[payload.length];
        assertEquals(0, SODIUM.crypto_box_open_easy(opened, box, box.length, nonce, myX25519, theirSk));
        assertArrayEquals(payload, opened);
        assertArrayEquals(box, expect(200, kms.post(keyUrl + "/easy", "{\"payload\":\"" + b64(payload)
                + "\",\"nonce\":\"" + b64(nonce) + "\",\"their_pub\":\"" + b64(theirPk) + "\"}")).bytes("ciphertext"),
                "AFGo v0.1.8's route");

        // EasyOpen: posted to /keys/{thumbprint(my_pub)}/unwrap; the server finds the key from my_pub alone
        byte[] theirBox = new byte[payload.length + 16];
        assertEquals(0, SODIUM.crypto_box_easy(theirBox, payload, payload.length, nonce, myX25519, theirSk));
        String easyOpen = "{\"ciphertext\":\"" + b64(theirBox) + "\",\"nonce\":\"" + b64(nonce) + "\",\"their_pub\":\""
                + b64(theirPk) + "\",\"my_pub\":\"" + b64(myPublic) + "\"}";
        assertArrayEquals(payload, expect(200, kms.post(keyUrl + "/unwrap", easyOpen)).bytes("plaintext"));
        assertArrayEquals(payload, expect(200, kms.post(keystore + "/keys/any-key-id/unwrap", easyOpen))
                .bytes("plaintext"), "the path's key id is not used");
        assertArrayEquals(payload, expect(200, kms.post(keystore + "/easyopen", easyOpen)).bytes("plaintext"));

        // SealOpen: {ciphertext, my_pub}
        byte[] sealed = new byte[payload.length + 48];
        assertEquals(0, SODIUM.crypto_box_seal(sealed, payload, payload.length, myX25519));
        String sealOpen = "{\"ciphertext\":\"" + b64(sealed) + "\",\"my_pub\":\"" + b64(myPublic) + "\"}";
        assertArrayEquals(payload, expect(200, kms.post(keyUrl + "/unwrap", sealOpen)).bytes("plaintext"));
        assertArrayEquals(payload, expect(200, kms.post(keystore + "/sealopen", sealOpen)).bytes("plaintext"));

        // what must fail: a tampered box, a stranger's my_pub, a short nonce, the keystore route without a key
        byte[] tampered = sealed.clone();
        tampered[40] ^= 1;
        assertFailure(400, "decryption_failed", kms.post(keyUrl + "/unwrap",
                "{\"ciphertext\":\"" + b64(tampered) + "\",\"my_pub\":\"" + b64(myPublic) + "\"}"));
        byte[] stranger = expect(200, kms.createKey(keystore, "ED25519")).bytes("public_key");
        stranger[0] ^= 1;
        assertEquals(404, kms.post(keyUrl + "/unwrap", "{\"ciphertext\":\"" + b64(sealed) + "\",\"my_pub\":\""
                + b64(stranger) + "\"}").status());
        assertFailure(400, "invalid_request", kms.post(keyUrl + "/wrap", "{\"payload\":\"" + b64(payload)
                + "\",\"nonce\":\"" + b64(random(12)) + "\",\"their_pub\":\"" + b64(theirPk) + "\"}"));
        assertFailure(400, "invalid_request", kms.post(keystore + "/wrap", "{\"payload\":\"" + b64(payload)
                + "\",\"nonce\":\"" + b64(nonce) + "\",\"their_pub\":\"" + b64(theirPk) + "\"}"));
        String p256 = expect(200, kms.createKey(keystore, "ECDSAP256DER")).string("key_url");
        assertFailure(400, "unsupported_operation", kms.post(p256 + "/easy", "{\"payload\":\"" + b64(payload)
                + "\",\"nonce\":\"" + b64(nonce) + "\",\"their_pub\":\"" + b64(theirPk) + "\"}"));
    }

    // ---- secp256k1

    @Test
    void secp256k1SignsWhatBouncyCastleVerifiesAndImportsItsKeys() throws Exception {
        BouncyCastleProvider bc = new BouncyCastleProvider();
        Answer created = expect(200, kms.createKey(keystore, "ECDSASecp256k1IEEEP1363"));
        byte[] point = created.bytes("public_key");
        assertEquals(65, point.length);
        byte[] message = bytes("to be signed");
        byte[] signature = expect(200, kms.post(created.string("key_url") + "/sign",
                "{\"message\":\"" + b64(message) + "\"}")).bytes("signature");
        assertEquals(64, signature.length);
        var spec = org.bouncycastle.jce.ECNamedCurveTable.getParameterSpec("secp256k1");
        Signature verifier = Signature.getInstance("SHA256withPLAIN-ECDSA", bc);
        verifier.initVerify(KeyFactory.getInstance("EC", bc).generatePublic(
                new org.bouncycastle.jce.spec.ECPublicKeySpec(spec.getCurve().decodePoint(point), spec)));
        verifier.update(message);
        assertTrue(verifier.verify(signature));

        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", bc);
        generator.initialize(new ECGenParameterSpec("secp256k1"));
        KeyPair pair = generator.generateKeyPair();
        String imported = expect(200, kms.put(keystore + "/keys", "{\"key\":\"" + b64(pair.getPrivate().getEncoded())
                + "\",\"key_type\":\"ECDSASecp256k1IEEEP1363\"}")).string("key_url");
        Signature signer = Signature.getInstance("SHA256withPLAIN-ECDSA", bc);
        signer.initSign(pair.getPrivate());
        signer.update(message);
        expect(200, kms.post(imported + "/verify", "{\"signature\":\"" + b64(signer.sign()) + "\",\"message\":\""
                + b64(message) + "\"}"));
        assertFailure(400, "verification_failed", kms.post(imported + "/verify", "{\"signature\":\"" + b64(signature)
                + "\",\"message\":\"" + b64(message) + "\"}"));

        Answer der = kms.createKey(keystore, "ECDSASecp256k1DER");
        assertFailure(400, "unsupported_key_type", der);
        assertTrue(der.string("message").contains("ECDSASecp256k1IEEEP1363"), der.body());
    }

    // ---- helpers

    private String exportedJson(String keyUrl) {
        return new String(expect(200, kms.get(keyUrl + "/export")).bytes("public_key"), StandardCharsets.UTF_8);
    }

    private static void assertFailure(int status, String code, Answer answer) {
        assertEquals(status, answer.status(), answer.body());
        assertEquals(code, answer.code(), answer.body());
    }

    private static JsonObject parse(byte[] json) {
        return Json.createReader(new StringReader(new String(json, StandardCharsets.UTF_8))).readObject();
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    private static byte[] decode(JsonObject object, String field) {
        return Base64.getDecoder().decode(object.getString(field));
    }

    private static String b64url(String value) {
        return b64(Base64.getUrlDecoder().decode(value));
    }

    private static byte[] concatKdf(byte[] z, String alg, byte[] apu, byte[] apv, int length, byte[] tag)
            throws Exception {
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        for (byte[] part : new byte[][] {bytes(alg), apu, apv}) {
            info.write(ByteBuffer.allocate(4).putInt(part.length).array());
            info.write(part);
        }
        info.write(ByteBuffer.allocate(4).putInt(length * 8).array());
        if (tag != null) {
            info.write(ByteBuffer.allocate(4).putInt(tag.length).array());
            info.write(tag);
        }
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(new byte[] {0, 0, 0, 1});
        sha256.update(z);
        sha256.update(info.toByteArray());
        return Arrays.copyOf(sha256.digest(), length);
    }

    private static byte[] aesUnwrap(byte[] kek, byte[] wrapped) throws Exception {
        Cipher cipher = Cipher.getInstance("AESWrap");
        cipher.init(Cipher.UNWRAP_MODE, new SecretKeySpec(kek, "AES"));
        return cipher.unwrap(wrapped, "AES", Cipher.SECRET_KEY).getEncoded();
    }

    private static byte[] aesWrap(byte[] kek, byte[] cek) throws Exception {
        Cipher cipher = Cipher.getInstance("AESWrap");
        cipher.init(Cipher.WRAP_MODE, new SecretKeySpec(kek, "AES"));
        return cipher.wrap(new SecretKeySpec(cek, "AES"));
    }

    private static byte[] ecPkcs8(String curve, byte[] d) throws Exception {
        java.security.AlgorithmParameters parameters = java.security.AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec(curve));
        return KeyFactory.getInstance("EC").generatePrivate(new java.security.spec.ECPrivateKeySpec(new BigInteger(1, d),
                parameters.getParameterSpec(java.security.spec.ECParameterSpec.class))).getEncoded();
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 && bytes.length > 1 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
