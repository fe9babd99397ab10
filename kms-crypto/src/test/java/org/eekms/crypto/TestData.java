package org.eekms.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Shared fixtures: published test vectors, and the JDK-side (independent) view of keys and signatures that the
 * tests compare the module's output with. Nothing here calls the code under test.
 */
public final class TestData {

    private static final HexFormat HEX = HexFormat.of();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** PKCS#8 v1 header of an Ed25519 private key (RFC 8410 §7), followed by the 32-byte seed. */
    public static final String ED25519_PKCS8_HEADER = "302e020100300506032b657004220420";

    /** SubjectPublicKeyInfo header of an Ed25519 public key (RFC 8410 §4), followed by the 32 raw bytes. */
    public static final String ED25519_SPKI_HEADER = "302a300506032b6570032100";

    /** An RFC 8032 §7.1 Ed25519 test vector, all fields hex. */
    public record Rfc8032Vector(String name, String secretKey, String publicKey, String message, String signature) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static final Rfc8032Vector RFC8032_TEST_1 = new Rfc8032Vector("TEST 1",
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");

    public static final List<Rfc8032Vector> RFC8032 = List.of(
            RFC8032_TEST_1,
            new Rfc8032Vector("TEST 2",
                    "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
                    "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
                    "72",
                    "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
            new Rfc8032Vector("TEST 3",
                    "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
                    "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
                    "af82",
                    "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"),
            new Rfc8032Vector("TEST SHA(abc)",
                    "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42",
                    "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
                    "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                            + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
                    "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704"));

    private TestData() {
    }

    // ---- bytes

    public static byte[] hex(String hex) {
        return HEX.parseHex(hex);
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static String base64url(byte[] bytes) {
        return BASE64URL.encodeToString(bytes);
    }

    public static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    /** A copy with one bit of the byte at {@code index} flipped (negative index counts from the end). */
    public static byte[] flip(byte[] bytes, int index) {
        byte[] out = bytes.clone();
        int at = index < 0 ? out.length + index : index;
        out[at] ^= 0x01;
        return out;
    }

    // ---- key types by family

    public static Stream<KeyType> types(KeyType.Family family) {
        return Arrays.stream(KeyType.values()).filter(type -> type.family() == family);
    }

    /**
     * The signature types the JDK can check (its SunEC dropped secp256k1 in Java 16): Secp256k1Test and the
     * Wycheproof profile cover secp256k1.
     */
    public static Stream<KeyType> signatureTypes() {
        return types(KeyType.Family.SIGNATURE).filter(type -> type != KeyType.ECDSA_SECP256K1_IEEE_P1363);
    }

    public static Stream<KeyType> ecdsaTypes() {
        return signatureTypes().filter(type -> type != KeyType.ED25519);
    }

    public static Stream<KeyType> keyAgreementTypes() {
        return types(KeyType.Family.KEY_AGREEMENT);
    }

    /** The public key of a key-agreement keyset, read back from its JSON export. */
    public static AgreementPublicKey agreementKey(Keyset keyset) {
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(
                new java.io.ByteArrayInputStream(keyset.publicKey().orElseThrow()))) {
            jakarta.json.JsonObject json = reader.readObject();
            Base64.Decoder base64 = Base64.getDecoder();
            return new AgreementPublicKey(json.getString("kid"), base64.decode(json.getString("x")),
                    json.containsKey("y") ? base64.decode(json.getString("y")) : null, json.getString("curve"),
                    json.getString("type"));
        }
    }

    public static Stream<KeyType> aeadTypes() {
        return types(KeyType.Family.AEAD);
    }

    public static Stream<KeyType> macTypes() {
        return types(KeyType.Family.MAC);
    }

    public static Stream<KeyType> symmetricTypes() {
        return Arrays.stream(KeyType.values()).filter(type -> !type.isAsymmetric());
    }

    public static boolean isDer(KeyType type) {
        return switch (type) {
            case ECDSAP256_DER, ECDSAP384_DER, ECDSAP521_DER -> true;
            case ECDSAP256_IEEE_P1363, ECDSAP384_IEEE_P1363, ECDSAP521_IEEE_P1363 -> false;
            default -> throw new IllegalArgumentException("not ECDSA: " + type);
        };
    }

    /** The JDK's standard name of the type's curve. */
    public static String curveName(KeyType type) {
        return switch (type) {
            case ECDSAP256_DER, ECDSAP256_IEEE_P1363 -> "secp256r1";
            case ECDSAP384_DER, ECDSAP384_IEEE_P1363 -> "secp384r1";
            case ECDSAP521_DER, ECDSAP521_IEEE_P1363 -> "secp521r1";
            default -> throw new IllegalArgumentException("not ECDSA: " + type);
        };
    }

    /** Bytes of one coordinate (and of one half of a P1363 signature). */
    public static int coordinateLength(KeyType type) {
        return switch (curveName(type)) {
            case "secp256r1" -> 32;
            case "secp384r1" -> 48;
            default -> 66;
        };
    }

    /** The RFC 7518 curve name used in JWKs. */
    public static String jwkCurve(KeyType type) {
        return switch (curveName(type)) {
            case "secp256r1" -> "P-256";
            case "secp384r1" -> "P-384";
            default -> "P-521";
        };
    }

    /** The JDK signature algorithm that produces and checks signatures of the type, in the type's encoding. */
    public static String jdkSignatureAlgorithm(KeyType type) {
        if (type == KeyType.ED25519) {
            return "Ed25519";
        }
        String hash = switch (curveName(type)) {
            case "secp256r1" -> "SHA256";
            case "secp384r1" -> "SHA384";
            default -> "SHA512";
        };
        return hash + "withECDSA" + (isDer(type) ? "" : "inP1363Format");
    }

    // ---- keys on the JDK side

    public static byte[] ed25519Pkcs8(byte[] seed) {
        return concat(hex(ED25519_PKCS8_HEADER), seed);
    }

    public static KeyPair jdkKeyPair(KeyType type) {
        try {
            if (type == KeyType.ED25519) {
                return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curveName(type)));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    public static ECParameterSpec curve(KeyType type) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(curveName(type)));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** The JDK's PKCS#8 encoding of the EC private key with scalar {@code d} on the type's curve. */
    public static byte[] jdkEcPkcs8(KeyType type, BigInteger d) {
        try {
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(d, curve(type)));
            return key.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** The public key the webkms export of a signature key denotes, rebuilt by the JDK alone. */
    public static PublicKey jdkPublicKey(KeyType type, byte[] exported) {
        try {
            if (type == KeyType.ED25519) {
                return KeyFactory.getInstance("Ed25519")
                        .generatePublic(new X509EncodedKeySpec(concat(hex(ED25519_SPKI_HEADER), exported)));
            }
            if (isDer(type)) {
                return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(exported));
            }
            int size = coordinateLength(type);
            assertEquals(1 + 2 * size, exported.length, "uncompressed point length");
            assertEquals(0x04, exported[0], "uncompressed point marker");
            BigInteger x = new BigInteger(1, Arrays.copyOfRange(exported, 1, 1 + size));
            BigInteger y = new BigInteger(1, Arrays.copyOfRange(exported, 1 + size, exported.length));
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), curve(type)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** The raw 32-byte Ed25519 public key of a JDK key: the tail of its SubjectPublicKeyInfo. */
    public static byte[] rawEd25519(PublicKey key) {
        byte[] spki = key.getEncoded();
        return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    }

    public static boolean jdkVerify(KeyType type, PublicKey key, byte[] signature, byte[] message) {
        try {
            Signature verifier = Signature.getInstance(jdkSignatureAlgorithm(type));
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (java.security.SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    public static byte[] jdkSign(KeyType type, PrivateKey key, byte[] message) {
        try {
            Signature signer = Signature.getInstance(jdkSignatureAlgorithm(type));
            signer.initSign(key);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    // ---- RFC 7638 thumbprints computed here, independently of the module

    /** Big-endian unsigned encoding of {@code value} in exactly {@code length} bytes. */
    public static byte[] unsigned(BigInteger value, int length) {
        byte[] out = new byte[length];
        BigInteger rest = value;
        for (int i = length - 1; i >= 0; i--) {
            out[i] = rest.byteValue();
            rest = rest.shiftRight(8);
        }
        assertEquals(BigInteger.ZERO, rest, "value does not fit in " + length + " bytes");
        return out;
    }

    public static String ecThumbprint(KeyType type, ECPublicKey key) {
        int size = coordinateLength(type);
        String jwk = "{\"crv\":\"" + jwkCurve(type) + "\",\"kty\":\"EC\""
                + ",\"x\":\"" + base64url(unsigned(key.getW().getAffineX(), size)) + "\""
                + ",\"y\":\"" + base64url(unsigned(key.getW().getAffineY(), size)) + "\"}";
        return sha256Base64url(jwk);
    }

    public static String ed25519Thumbprint(byte[] rawPublicKey) {
        return sha256Base64url("{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + base64url(rawPublicKey) + "\"}");
    }

    private static String sha256Base64url(String json) {
        try {
            return base64url(MessageDigest.getInstance("SHA-256").digest(utf8(json)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
