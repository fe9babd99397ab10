package org.eekms.crypto.internal;

import static org.eekms.crypto.TestData.concat;
import static org.eekms.crypto.TestData.coordinateLength;
import static org.eekms.crypto.TestData.hex;
import static org.eekms.crypto.TestData.unsigned;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.Key;
import com.google.crypto.tink.signature.EcdsaParameters;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.stream.Stream;
import org.eekms.crypto.KeyType;
import org.eekms.crypto.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Export formats and thumbprints for the awkward keys: coordinates with leading zero bytes must keep their fixed
 * length (webkms reference §4.1, RFC 7518 §6.2.1.2), in the export and in the JWK that is hashed for the key id.
 */
class PublicKeysTest {

    /** Private keys found by search whose public point has both coordinates shorter than the field. */
    record ShortCoordinates(BigInteger d, BigInteger x, BigInteger y) {
    }

    private static final ShortCoordinates P256 = new ShortCoordinates(
            new BigInteger("333f3490b354116b66adf7f01b0ca89620d301be7d0e07393c864b1037291660", 16),
            new BigInteger("e9e9f908bae37cbe84f78de69d639680d13137913f485637128b4b640fa459", 16),
            new BigInteger("92c4d8f2940a362ea00b4e5e74dcaf5a63aaa6772306c7375ce87dd5d8788e", 16));
    private static final ShortCoordinates P384 = new ShortCoordinates(
            new BigInteger("42c4b94eb987190782cc9bb436f8fe7da0552b9aec3ecc2712d43b81024157fce4c99457079965205fb6ed1110754177", 16),
            new BigInteger("32bd8c96963caea405c35b53cea9c6791b9db71d82157d5d75414a3b44d8a801d032b8c5b5e276e2a732532f55ada3", 16),
            new BigInteger("3122eb65cf7b7c1034d2a2edf297e78f3acf9db175a21340171767e6267123131a91d50371891dfa25bcdbaf4dd490", 16));
    private static final ShortCoordinates P521 = new ShortCoordinates(
            new BigInteger("1ccfeaa92ad21e099762b042736b1464fd1a1ae17f586f32b5249b443a9a463ce9ea2282aa6577fba7422aea895d1d55f0be01916183a9d488bb1b38795cd0bf2ee", 16),
            new BigInteger("1df94383440aba8de51bbd97f6414880fded3b39ec01e3be05e291263d9d3cc5c9f4d8d7c2c45dee15d1c9f688b0e97c5bdf3b390da31a118ec8e70e77e9ed794", 16),
            new BigInteger("c537cd54fd6f7367b078f08ab6bfe8cde5ba14d893edada1f5694eb1eab760717f0f1bc054502346e60a8bc25413833b503aaf7d44572997e4e4837d9e778ffbd", 16));

    static Stream<Arguments> shortCoordinateKeys() {
        return TestData.ecdsaTypes().map(type -> Arguments.of(type, switch (TestData.curveName(type)) {
            case "secp256r1" -> P256;
            case "secp384r1" -> P384;
            default -> P521;
        }));
    }

    @ParameterizedTest
    @MethodSource("shortCoordinateKeys")
    void exportKeepsLeadingZeroBytes(KeyType type, ShortCoordinates key) throws Exception {
        int size = coordinateLength(type);
        assertTrue(key.x().bitLength() <= 8 * (size - 1) && key.y().bitLength() <= 8 * (size - 1), "fixture");

        byte[] exported = PublicKeys.export(type, importedKey(type, key.d()));
        if (TestData.isDer(type)) {
            ECPublicKey expected = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(
                    new ECPublicKeySpec(new ECPoint(key.x(), key.y()), TestData.curve(type)));
            assertArrayEquals(expected.getEncoded(), exported);
        } else {
            assertEquals(hex(concat(hex("04"), unsigned(key.x(), size), unsigned(key.y(), size))), hex(exported));
        }
    }

    @ParameterizedTest
    @MethodSource("shortCoordinateKeys")
    void thumbprintUsesFixedLengthCoordinates(KeyType type, ShortCoordinates key) throws Exception {
        ECPublicKey publicKey = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(
                new ECPublicKeySpec(new ECPoint(key.x(), key.y()), TestData.curve(type)));
        assertEquals(TestData.ecThumbprint(type, publicKey), PublicKeys.thumbprint(type, importedKey(type, key.d())));
    }

    @Test
    void ed25519ExportIsTheRawKeyAndThumbprintIsRfc8037s() {
        Key key = KeyImport.privateKey(KeyType.ED25519,
                TestData.ed25519Pkcs8(hex(TestData.RFC8032_TEST_1.secretKey()))).getPrimary().getKey();
        assertEquals(TestData.RFC8032_TEST_1.publicKey(), hex(PublicKeys.export(KeyType.ED25519, key)));
        assertEquals("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k", PublicKeys.thumbprint(KeyType.ED25519, key));
    }

    @Test
    void fixedLengthStripsTheSignByte() {
        BigInteger highBit = new BigInteger("80" + "00".repeat(30) + "01", 16);
        assertEquals(33, highBit.toByteArray().length, "BigInteger adds a sign byte");
        assertEquals("80" + "00".repeat(30) + "01", hex(PublicKeys.fixedLength(highBit, 32)));
    }

    @Test
    void fixedLengthPadsShortValues() {
        assertEquals("00".repeat(31) + "01", hex(PublicKeys.fixedLength(BigInteger.ONE, 32)));
        assertEquals("00".repeat(48), hex(PublicKeys.fixedLength(BigInteger.ZERO, 48)));
        assertEquals("0000" + "ff".repeat(64),
                hex(PublicKeys.fixedLength(BigInteger.TWO.pow(512).subtract(BigInteger.ONE), 66)));
    }

    @Test
    void fixedLengthKeepsExactValues() {
        String value = "7f" + "ab".repeat(31);
        assertEquals(value, hex(PublicKeys.fixedLength(new BigInteger(value, 16), 32)));
        String p521 = "01" + "ff".repeat(65);
        assertEquals(p521, hex(PublicKeys.fixedLength(new BigInteger(p521, 16), 66)));
    }

    @Test
    void fieldSizesOfTheNistCurves() {
        assertEquals(32, EcCurve.of(EcdsaParameters.CurveType.NIST_P256).size());
        assertEquals(48, EcCurve.of(EcdsaParameters.CurveType.NIST_P384).size());
        assertEquals(66, EcCurve.of(EcdsaParameters.CurveType.NIST_P521).size());
    }

    private static Key importedKey(KeyType type, BigInteger d) {
        return KeyImport.privateKey(type, TestData.jdkEcPkcs8(type, d)).getPrimary().getKey();
    }
}
