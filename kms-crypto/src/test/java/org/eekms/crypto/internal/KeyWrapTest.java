package org.eekms.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.modes.XChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.eekms.crypto.AgreementPublicKey;
import org.eekms.crypto.WrappedKey;
import org.eekms.problem.InvalidRequestException;
import org.eekms.problem.VerificationFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Key wrapping against RFC 7518 Appendix C, draft-madden-jose-ecdh-1pu-04 Appendices A and B (AFGo's own
 * reference test for ECDH-1PU+A128KW), vectors computed along AFGo's code path, and the JDK (SunEC ECDH and XDH,
 * SunJCE AESWrap, a Concat KDF written out here) as the independent implementation on the other side.
 */
class KeyWrapTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] CEK32 = HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final byte[] CEK64 = HEX.parseHex("fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0efeeedecebeae9e8e7e6e5e4e3e2e1e0"
            + "dfdedddcdbdad9d8d7d6d5d4d3d2d1d0cfcecdcccbcac9c8c7c6c5c4c3c2c1c0");
    private static final byte[] TAG2 = HEX.parseHex("a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf");
    private static final byte[] ALICE = bytes("Alice");
    private static final byte[] BOB = bytes("Bob");

    // RFC 7518 Appendix C and draft-04 Appendix A (P-256)
    private static final AgreementPublicKey ALICE_EPHEMERAL_P256 = ec("P-256",
            "gI0GAILBdu7T53akrFmMyGcsF3n5dO7MmwNBHKW5SV0", "SLW_xSffzlPWrHEVI30DHM_4egVwt3NQqeUD7nMFpps");
    private static final String ALICE_EPHEMERAL_P256_D = "0_NxaRPUMQoAJt50Gz8YiTr8gRTwyEaCumd-MToTmIo";
    private static final AgreementPublicKey BOB_P256 = ec("P-256",
            "weNJy2HscCSM6AEDTDg04biOvhFhyyWvOHQfeF_PxMQ", "e8lnCO-AlStT-NJVX-crhB7QRYhiix03illJOVAOyck");
    private static final String BOB_P256_D = "VEmDZpDXXK8p8N0Cndsxs924q6nS1RXFASRl6BfUqdw";
    private static final AgreementPublicKey ALICE_P256 = ec("P-256",
            "WKn-ZIGevcwGIyyrzFoZNBdaq9_TsqzGl96oc0CWuis", "y77t-RvAHRKTsSGdIYUfweuOvwrvDD-Q3Hv5J0fSKbE");
    private static final String ALICE_P256_D = "Hndv7ZZjs_ke8o9zXYo3iq-Yr8SewI5vrqd0pAvEPqg";

    // draft-04 Appendix B (X25519)
    private static final AgreementPublicKey ALICE_X25519 = okp("Knbm_BcdQr7WIoz-uqit9M0wbcfEr6y-9UfIZ8QnBD4");
    private static final String ALICE_X25519_D = "i9KuFhSzEBsiv3PKVL5115OCdsqQai5nj_Flzfkw5jU";
    private static final String BOB_X25519_D = "1gDirl_r_Y3-qUa3WXHgEXrrEHngWThU3c9zj9A2uBg";
    private static final String CHARLIE_X25519_D = "Jcv8gklhMjC0b-lsk5onBbppWAx5ncNtbM63Jr9xBQE";
    private static final AgreementPublicKey EPHEMERAL_X25519 = okp("k9of_cpAajy0poW5gaixXGs9nHkwg1AFqUAFa39dyBc");
    private static final byte[] APPENDIX_B_TAG = b64url("HLb4fTlm8spGmij3RyOs2gJ4DpHM4hhVRwdF_hGb3WQ");

    @Test
    void concatKdfMatchesRfc7518AppendixC() {
        byte[] z = KeyWrap.agree(p256(BOB_P256_D), KeyWrap.parse(ALICE_EPHEMERAL_P256, "epk", null));
        assertEquals("9e56d91d817135d372834283bf84269cfb316ea3da806a48f6daa7798cfe90c4", HEX.formatHex(z));
        byte[] key = KeyWrap.kek("A128GCM", z, ALICE, BOB, 16, null, false);
        assertEquals("VqqN6vgjbSBcIijNcacQGg", Base64.getUrlEncoder().withoutPadding().encodeToString(key));
    }

    @Test
    void oneBothSecretsMatchTheEcdh1puDraftAppendixA() {
        byte[] ze = KeyWrap.agree(p256(BOB_P256_D), KeyWrap.parse(ALICE_EPHEMERAL_P256, "epk", null));
        byte[] zs = KeyWrap.agree(p256(BOB_P256_D), KeyWrap.parse(ALICE_P256, "sender", null));
        assertEquals("e3ca3474384c9f62b30bfd4c688b3e7d4110a1b4badc3cc54ef7b81241efd50d", HEX.formatHex(zs));
        byte[] z = Arrays.copyOf(ze, 64);
        System.arraycopy(zs, 0, z, 32, 32);
        // Appendix A is direct key agreement: no tag in SuppPubInfo
        assertEquals("bK8Tcj0UhQrUtCzW3ek1v_0v_wCpunDeBcIDpeFyLKc", Base64.getUrlEncoder().withoutPadding()
                .encodeToString(KeyWrap.kek("A256GCM", z, ALICE, BOB, 32, null, false)));
    }

    @Test
    void unwrapsTheEcdh1puDraftAppendixBForBothRecipients() {
        byte[] apv = bytes("Bob and Charlie");
        WrappedKey toBob = new WrappedKey("bob", b64url("pOMVA9_PtoRe7xXW1139NzzN1UhiFoio8lGto9cf0t8PyU-sjNXH8-LIRLyc"
                + "q8CHJQbDwvQeU1cSl55cQ0hGezJu2N9IY0QN"), EPHEMERAL_X25519, KeyWrap.PU_A128KW, ALICE, apv);
        WrappedKey toCharlie = new WrappedKey("charlie", b64url("56GVudgRLIMEElQ7DpXsijJVRSWUSDNdbWkdV3g0GUNq6hcT_Gkxw"
                + "nxlPIWrTXCqRpVKQC8fe4z3PQ2YH2afvjQ28aiCTWFE"), EPHEMERAL_X25519, KeyWrap.PU_A128KW, ALICE, apv);
        assertArrayEquals(CEK64, KeyWrap.unwrap(toBob, x25519(BOB_X25519_D), ALICE_X25519, APPENDIX_B_TAG));
        assertArrayEquals(CEK64, KeyWrap.unwrap(toCharlie, x25519(CHARLIE_X25519_D), ALICE_X25519, APPENDIX_B_TAG));
        byte[] otherTag = APPENDIX_B_TAG.clone();
        otherTag[0] ^= 1;
        assertThrows(VerificationFailedException.class,
                () -> KeyWrap.unwrap(toBob, x25519(BOB_X25519_D), ALICE_X25519, otherTag));
        assertThrows(VerificationFailedException.class,
                () -> KeyWrap.unwrap(toBob, x25519(CHARLIE_X25519_D), ALICE_X25519, APPENDIX_B_TAG));
    }

    @Test
    void unwrapsAfgoPathVectors() {
        // V1: ECDH-ES+A256KW, P-256
        assertArrayEquals(CEK32, KeyWrap.unwrap(new WrappedKey("bob",
                HEX.parseHex("3df0a7b1019212657f45e7c9695b9b37ddbf586f046779a5a931a48bda0c332bc06a0c9120b0fd4d"),
                ALICE_EPHEMERAL_P256, KeyWrap.ES_A256KW, ALICE, BOB), p256(BOB_P256_D), null, null));
        // V1b: the apu a wrap with an empty apu made (the ASCII of base64url(epk.x))
        assertArrayEquals(CEK32, KeyWrap.unwrap(new WrappedKey("bob",
                HEX.parseHex("7ba6d9023de663d76af3bbd1c326bbd2fb13ea1da835213cdd2350512d48e2c830a4d839acf6a681"),
                ALICE_EPHEMERAL_P256, KeyWrap.ES_A256KW, bytes("gI0GAILBdu7T53akrFmMyGcsF3n5dO7MmwNBHKW5SV0"), BOB),
                p256(BOB_P256_D), null, null));
        // V2: ECDH-1PU+A256KW, P-256, with a tag; V2b without; V2c A128KW
        assertArrayEquals(CEK64, KeyWrap.unwrap(new WrappedKey("bob", HEX.parseHex(
                "3461680dbfed88eab7444d02c7b50dab460cf0b8a5417800c6b2df6a75defc959338d2c069634c88c9aca7f22ed8431e"
                + "8ea8baf2e05b01876faeeae4c43ae5b9d81cee3a9778613e"), ALICE_EPHEMERAL_P256, KeyWrap.PU_A256KW,
                ALICE, BOB), p256(BOB_P256_D), ALICE_P256, TAG2));
        assertArrayEquals(CEK64, KeyWrap.unwrap(new WrappedKey("bob", HEX.parseHex(
                "b31e08262d10cbbe6ba8da3e26e2567d69ff9fad6be6db3cad7ce368526e1fcf154598d7ca4a45493c2f93a28d2a0d3c"
                + "dab5f034bcb95ae1ca3e1ba94458e577e4777bd93541d1c7"), ALICE_EPHEMERAL_P256, KeyWrap.PU_A256KW,
                ALICE, BOB), p256(BOB_P256_D), ALICE_P256, null));
        assertArrayEquals(CEK32, KeyWrap.unwrap(new WrappedKey("bob", HEX.parseHex(
                "6fe44caaf008814341405606b70fd6a337dd92f32d8293b922ce876fcce4fa6a05a5b42b717f2df0"),
                ALICE_EPHEMERAL_P256, KeyWrap.PU_A128KW, ALICE, BOB), p256(BOB_P256_D), ALICE_P256, TAG2));
        // V3: ECDH-ES+A256KW, X25519
        assertArrayEquals(CEK32, KeyWrap.unwrap(new WrappedKey("bob", HEX.parseHex(
                "d451844ade60ea3c641c9fd6b3b06c5d128fb2a5c5f346fa0e6cb09e8f7aa3f5bb3932b67cb97a0a"),
                EPHEMERAL_X25519, KeyWrap.ES_A256KW, ALICE, BOB), x25519(BOB_X25519_D), null, null));
        // V4: ECDH-ES+XC20PKW, P-256; V5: ECDH-1PU+XC20PKW, X25519 (nonce 40..57 in front)
        assertArrayEquals(CEK32, KeyWrap.unwrap(new WrappedKey("bob", HEX.parseHex(
                "404142434445464748494a4b4c4d4e4f505152535455565766a1b5e8c3ef41915b1ccd1f7807d79792a4d523f469f8d5"
                + "0aed6476480ad5130f79d7e35fb904e79877e8413f228153"), ALICE_EPHEMERAL_P256, KeyWrap.ES_XC20PKW,
                ALICE, BOB), p256(BOB_P256_D), null, null));
        assertArrayEquals(CEK32, KeyWrap.unwrap(new WrappedKey("bob", HEX.parseHex(
                "404142434445464748494a4b4c4d4e4f5051525354555657e6da82a2cb02004dd05bededc331a28291dead90d2ea236a"
                + "a2f4786ad09330915c15ececb9e58d36ad52d11f493128f1"), EPHEMERAL_X25519, KeyWrap.PU_XC20PKW,
                ALICE, BOB), x25519(BOB_X25519_D), ALICE_X25519, TAG2));
    }

    @Test
    void unpaddedAndPaddedCoordinatesAreTheSamePoint() {
        // Go sends big.Int.Bytes(): a coordinate with a leading zero byte arrives one byte short
        AgreementPublicKey bob = BOB_P256;
        byte[] x = bob.x();
        byte[] padded = new byte[33];
        System.arraycopy(x, 0, padded, 1, 32);
        InvalidRequestException tooLong = assertThrows(InvalidRequestException.class, () -> KeyWrap.parse(
                new AgreementPublicKey(null, padded, bob.y(), "NIST_P256", "EC"), "recipient_pub_key", null));
        assertTrue(tooLong.getMessage().contains("coordinates"), tooLong.getMessage());
        for (String name : new String[] {"P-256", "NIST_P256", "secp256r1", "EllipticCurveType_NIST_P256"}) {
            KeyWrap.Party party = KeyWrap.parse(new AgreementPublicKey(null, x, bob.y(), name, "EC"), "k", null);
            assertEquals(EcCurve.P256, party.curve());
        }
    }

    @ParameterizedTest
    @EnumSource(value = EcCurve.class, names = {"P256", "P384", "P521"})
    void theJdkUnwrapsOurAnoncrypt(EcCurve curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", "SunEC");
        generator.initialize(new ECGenParameterSpec(jdkName(curve)));
        KeyPair recipient = generator.generateKeyPair();
        ECPublicKey publicKey = (ECPublicKey) recipient.getPublic();
        AgreementPublicKey to = new AgreementPublicKey("rec", publicKey.getW().getAffineX().toByteArray(),
                publicKey.getW().getAffineY().toByteArray(), curve.jwkName(), "EC");
        // toByteArray may carry a sign byte: strip it as Go would not send it
        to = new AgreementPublicKey("rec", unsigned(publicKey.getW().getAffineX()),
                unsigned(publicKey.getW().getAffineY()), curve.jwkName(), "EC");
        WrappedKey wrapped = KeyWrap.anoncrypt(CEK32, ALICE, BOB, to);
        assertEquals("rec", wrapped.kid());
        assertEquals(KeyWrap.ES_A256KW, wrapped.alg());
        assertEquals(curve.jwkName(), wrapped.epk().curve());
        assertEquals("EC", wrapped.epk().type());

        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH", "SunEC");
        ecdh.init(recipient.getPrivate());
        ECParameterSpec spec = publicKey.getParams();
        ecdh.doPhase(KeyFactory.getInstance("EC", "SunEC").generatePublic(new ECPublicKeySpec(new ECPoint(
                new BigInteger(1, wrapped.epk().x()), new BigInteger(1, wrapped.epk().y())), spec)), true);
        byte[] kek = jdkConcatKdf(ecdh.generateSecret(), KeyWrap.ES_A256KW, ALICE, BOB, 32, null);
        assertArrayEquals(CEK32, jdkAesUnwrap(kek, wrapped.encryptedCek()));
    }

    @Test
    void theJdkUnwrapsOurX25519AuthcryptAndWeUnwrapTheJdks() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("X25519", "SunEC");
        KeyPair recipient = generator.generateKeyPair();
        byte[] recipientX = jdkX25519(recipient);
        X25519PrivateKeyParameters senderKey = new X25519PrivateKeyParameters(new java.security.SecureRandom());
        KeyWrap.Party sender = new KeyWrap.Party(null, senderKey, senderKey.generatePublicKey());

        WrappedKey wrapped = KeyWrap.authcrypt(CEK64, ALICE, BOB, okp(recipientX), TAG2, sender);
        assertEquals(KeyWrap.PU_A256KW, wrapped.alg());
        byte[] ze = jdkXdh(recipient, wrapped.epk().x());
        byte[] zs = jdkXdh(recipient, senderKey.generatePublicKey().getEncoded());
        byte[] z = Arrays.copyOf(ze, 64);
        System.arraycopy(zs, 0, z, 32, 32);
        assertArrayEquals(CEK64, jdkAesUnwrap(jdkConcatKdf(z, KeyWrap.PU_A256KW, ALICE, BOB, 32, TAG2),
                wrapped.encryptedCek()));
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 48, 64})
    void authcryptPicksTheAlgByCekSizeAndUnwraps(int cekLength) {
        KeyWrap.Party alice = p256(ALICE_P256_D);
        KeyWrap.Party bob = p256(BOB_P256_D);
        byte[] cek = Arrays.copyOf(CEK64, cekLength);
        WrappedKey wrapped = KeyWrap.authcrypt(cek, ALICE, BOB, BOB_P256, TAG2, alice);
        assertEquals(cekLength == 32 ? KeyWrap.PU_A128KW : cekLength == 48 ? KeyWrap.PU_A192KW : KeyWrap.PU_A256KW,
                wrapped.alg());
        assertEquals(cekLength + 8, wrapped.encryptedCek().length);
        assertArrayEquals(cek, KeyWrap.unwrap(wrapped, bob, ALICE_P256, TAG2));
    }

    @Test
    void anEmptyApuBecomesTheBase64urlOfTheEphemeralX() {
        WrappedKey wrapped = KeyWrap.anoncrypt(CEK32, null, BOB, BOB_P256);
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(wrapped.epk().x()),
                new String(wrapped.apu(), StandardCharsets.US_ASCII));
        assertArrayEquals(CEK32, KeyWrap.unwrap(wrapped, p256(BOB_P256_D), null, null));
        WrappedKey x25519 = KeyWrap.anoncrypt(CEK32, new byte[0], null, okp(x25519(BOB_X25519_D)));
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(x25519.epk().x()),
                new String(x25519.apu(), StandardCharsets.US_ASCII));
        assertEquals("X25519", x25519.epk().curve());
        assertArrayEquals(CEK32, KeyWrap.unwrap(x25519, x25519(BOB_X25519_D), null, null));
    }

    @Test
    void everyWrongInputFailsToUnwrap() {
        KeyWrap.Party alice = p256(ALICE_P256_D);
        KeyWrap.Party bob = p256(BOB_P256_D);
        WrappedKey wrapped = KeyWrap.authcrypt(CEK32, ALICE, BOB, BOB_P256, TAG2, alice);
        byte[] otherTag = TAG2.clone();
        otherTag[31] ^= 1;
        assertThrows(VerificationFailedException.class, () -> KeyWrap.unwrap(wrapped, bob, ALICE_P256, otherTag));
        assertThrows(VerificationFailedException.class, () -> KeyWrap.unwrap(wrapped, bob, ALICE_P256, null));
        assertThrows(VerificationFailedException.class,
                () -> KeyWrap.unwrap(wrapped, bob, ALICE_EPHEMERAL_P256, TAG2), "another sender");
        assertThrows(VerificationFailedException.class,
                () -> KeyWrap.unwrap(wrapped, p256(ALICE_EPHEMERAL_P256_D), ALICE_P256, TAG2), "another recipient");
        assertThrows(VerificationFailedException.class, () -> KeyWrap.unwrap(new WrappedKey("bob",
                wrapped.encryptedCek(), wrapped.epk(), wrapped.alg(), BOB, BOB), bob, ALICE_P256, TAG2), "apu");
        assertThrows(VerificationFailedException.class, () -> KeyWrap.unwrap(new WrappedKey("bob",
                wrapped.encryptedCek(), wrapped.epk(), wrapped.alg(), ALICE, ALICE), bob, ALICE_P256, TAG2), "apv");
        assertThrows(VerificationFailedException.class, () -> KeyWrap.unwrap(new WrappedKey("bob",
                wrapped.encryptedCek(), wrapped.epk(), KeyWrap.PU_A256KW, ALICE, BOB), bob, ALICE_P256, TAG2), "alg");
        assertThrows(VerificationFailedException.class, () -> KeyWrap.unwrap(new WrappedKey("bob",
                wrapped.encryptedCek(), ALICE_EPHEMERAL_P256, wrapped.alg(), ALICE, BOB), bob, ALICE_P256, TAG2),
                "another epk");
        for (int i = 0; i < wrapped.encryptedCek().length; i++) {
            byte[] tampered = wrapped.encryptedCek();
            tampered[i] ^= 0x01;
            WrappedKey bad = new WrappedKey("bob", tampered, wrapped.epk(), wrapped.alg(), ALICE, BOB);
            assertThrows(VerificationFailedException.class, () -> KeyWrap.unwrap(bad, bob, ALICE_P256, TAG2));
        }
        WrappedKey truncated = new WrappedKey("bob", Arrays.copyOf(wrapped.encryptedCek(), 39), wrapped.epk(),
                wrapped.alg(), ALICE, BOB);
        assertThrows(VerificationFailedException.class, () -> KeyWrap.unwrap(truncated, bob, ALICE_P256, TAG2));
    }

    @Test
    void malformedRequestsAreBadRequests() {
        KeyWrap.Party bob = p256(BOB_P256_D);
        KeyWrap.Party bobX = x25519(BOB_X25519_D);
        WrappedKey es = KeyWrap.anoncrypt(CEK32, ALICE, BOB, BOB_P256);
        WrappedKey pu = KeyWrap.authcrypt(CEK32, ALICE, BOB, BOB_P256, null, p256(ALICE_P256_D));
        // unknown alg, 1PU without a sender, no epk
        assertBadRequest(() -> KeyWrap.unwrap(new WrappedKey("k", es.encryptedCek(), es.epk(), "A256KW", null, null),
                bob, null, null), "alg");
        assertBadRequest(() -> KeyWrap.unwrap(pu, bob, null, null), "sender_pub_key");
        assertBadRequest(() -> KeyWrap.unwrap(new WrappedKey("k", es.encryptedCek(), null, es.alg(), null, null),
                bob, null, null), "epk");
        // curve mismatches: epk, sender, recipient
        AgreementPublicKey p384 = KeyWrap.anoncrypt(CEK32, null, null, ec("P-384", null, null, true)).epk();
        assertBadRequest(() -> KeyWrap.unwrap(new WrappedKey("k", es.encryptedCek(), p384, es.alg(), null, null),
                bob, null, null), "P-384");
        assertBadRequest(() -> KeyWrap.unwrap(es, bobX, null, null), "X25519");
        assertBadRequest(() -> KeyWrap.unwrap(pu, bob, ALICE_X25519, null), "OKP");
        assertBadRequest(() -> KeyWrap.authcrypt(CEK32, null, null, ALICE_X25519, null, bob), "OKP");
        assertBadRequest(() -> KeyWrap.authcrypt(CEK32, null, null, BOB_P256, null, bobX), "P-256");
        // points off the curve, of small order, of a wrong length
        AgreementPublicKey offCurve = new AgreementPublicKey(null, BOB_P256.x(), ALICE_P256.y(), "P-256", "EC");
        assertBadRequest(() -> KeyWrap.anoncrypt(CEK32, null, null, offCurve), "point");
        assertBadRequest(() -> KeyWrap.unwrap(new WrappedKey("k", es.encryptedCek(), offCurve, es.alg(), null, null),
                bob, null, null), "point");
        assertBadRequest(() -> KeyWrap.anoncrypt(CEK32, null, null, okp(new byte[32])), "small order");
        assertBadRequest(() -> KeyWrap.anoncrypt(CEK32, null, null, okp(new byte[31])), "32 bytes");
        assertBadRequest(() -> KeyWrap.anoncrypt(CEK32, null, null,
                new AgreementPublicKey(null, BOB_P256.x(), BOB_P256.y(), "P-256", "RSA")), "type");
        assertBadRequest(() -> KeyWrap.anoncrypt(CEK32, null, null,
                new AgreementPublicKey(null, BOB_P256.x(), BOB_P256.y(), "secp256k1", "EC")), "curve");
        assertBadRequest(() -> KeyWrap.anoncrypt(CEK32, null, null, null), "recipient_pub_key");
        // content keys AES key wrap cannot take, and sizes ECDH-1PU does not know
        assertBadRequest(() -> KeyWrap.anoncrypt(new byte[12], null, null, BOB_P256), "cek");
        assertBadRequest(() -> KeyWrap.anoncrypt(null, null, null, BOB_P256), "cek");
        assertBadRequest(() -> KeyWrap.authcrypt(new byte[16], null, null, BOB_P256, null, p256(ALICE_P256_D)),
                "cek");
    }

    private static void assertBadRequest(org.junit.jupiter.api.function.Executable call, String mentioned) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, call);
        assertTrue(e.getMessage().contains(mentioned), e.getMessage());
    }

    // --- the independent side: the JDK's providers and the KDF written out from RFC 7518 §4.6.2

    private static byte[] jdkConcatKdf(byte[] z, String alg, byte[] apu, byte[] apv, int length, byte[] tag)
            throws Exception {
        java.io.ByteArrayOutputStream info = new java.io.ByteArrayOutputStream();
        for (byte[] part : new byte[][] {bytes(alg), apu, apv}) {
            info.write(java.nio.ByteBuffer.allocate(4).putInt(part.length).array());
            info.write(part);
        }
        info.write(java.nio.ByteBuffer.allocate(4).putInt(length * 8).array());
        if (tag != null) {
            info.write(java.nio.ByteBuffer.allocate(4).putInt(tag.length).array());
            info.write(tag);
        }
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256", "SUN");
        sha256.update(new byte[] {0, 0, 0, 1});
        sha256.update(z);
        sha256.update(info.toByteArray());
        return Arrays.copyOf(sha256.digest(), length);
    }

    private static byte[] jdkAesUnwrap(byte[] kek, byte[] wrapped) throws Exception {
        Cipher cipher = Cipher.getInstance("AESWrap", "SunJCE");
        cipher.init(Cipher.UNWRAP_MODE, new SecretKeySpec(kek, "AES"));
        return cipher.unwrap(wrapped, "AES", Cipher.SECRET_KEY).getEncoded();
    }

    private static byte[] jdkX25519(KeyPair pair) {
        BigInteger u = ((java.security.interfaces.XECPublicKey) pair.getPublic()).getU();
        byte[] bigEndian = unsigned(u);
        byte[] out = new byte[32];
        for (int i = 0; i < bigEndian.length; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }

    private static byte[] jdkXdh(KeyPair mine, byte[] theirLittleEndian) throws Exception {
        byte[] bigEndian = new byte[32];
        for (int i = 0; i < 32; i++) {
            bigEndian[i] = theirLittleEndian[31 - i];
        }
        KeyAgreement xdh = KeyAgreement.getInstance("XDH", "SunEC");
        xdh.init(mine.getPrivate());
        xdh.doPhase(KeyFactory.getInstance("XDH", "SunEC").generatePublic(
                new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, bigEndian))), true);
        return xdh.generateSecret();
    }

    private static String jdkName(EcCurve curve) {
        return switch (curve) {
            case P256 -> "secp256r1";
            case P384 -> "secp384r1";
            default -> "secp521r1";
        };
    }

    // --- keys

    private static KeyWrap.Party p256(String d) {
        EcCurve curve = EcCurve.P256;
        ECPrivateKeyParameters key = new ECPrivateKeyParameters(new BigInteger(1, b64url(d)), curve.domain());
        return new KeyWrap.Party(curve, key, new ECPublicKeyParameters(
                curve.domain().getG().multiply(key.getD()).normalize(), curve.domain()));
    }

    private static KeyWrap.Party x25519(String d) {
        X25519PrivateKeyParameters key = new X25519PrivateKeyParameters(b64url(d));
        return new KeyWrap.Party(null, key, key.generatePublicKey());
    }

    private static AgreementPublicKey okp(KeyWrap.Party party) {
        return okp(((org.bouncycastle.crypto.params.X25519PublicKeyParameters) party.publicKey()).getEncoded());
    }

    private static AgreementPublicKey ec(String curve, String x, String y) {
        return new AgreementPublicKey(null, b64url(x), b64url(y), curve, "EC");
    }

    /** A fresh key on the curve. */
    private static AgreementPublicKey ec(String curve, String x, String y, boolean fresh) {
        EcCurve c = EcCurve.valueOf(curve.replace("-", ""));
        var pair = new org.bouncycastle.crypto.generators.ECKeyPairGenerator();
        pair.init(new org.bouncycastle.crypto.params.ECKeyGenerationParameters(c.domain(),
                new java.security.SecureRandom()));
        var q = ((ECPublicKeyParameters) pair.generateKeyPair().getPublic()).getQ().normalize();
        return new AgreementPublicKey(null, unsigned(q.getAffineXCoord().toBigInteger()),
                unsigned(q.getAffineYCoord().toBigInteger()), curve, "EC");
    }

    private static AgreementPublicKey okp(String x) {
        return okp(b64url(x));
    }

    private static AgreementPublicKey okp(byte[] x) {
        return new AgreementPublicKey(null, x, null, "X25519", "OKP");
    }

    private static byte[] unsigned(BigInteger value) {
        return org.bouncycastle.util.BigIntegers.asUnsignedByteArray(value);
    }

    private static byte[] b64url(String value) {
        return Base64.getUrlDecoder().decode(value);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.US_ASCII);
    }
}
