package org.eekms.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goterl.lazysodium.SodiumJava;
import com.goterl.lazysodium.utils.LibraryLoader;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.eekms.problem.InvalidRequestException;
import org.eekms.problem.VerificationFailedException;
import org.junit.jupiter.api.Test;

/**
 * NaCl boxes against NaCl's own vectors, Go's {@code x/crypto/nacl/box} test vector, and libsodium (its bundled C
 * library, through lazysodium) as the independent implementation on the other side of every exchange.
 */
class NaclBoxTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final SodiumJava SODIUM = new SodiumJava(LibraryLoader.Mode.BUNDLED_ONLY);

    // NaCl's tests/box.c and tests/secretbox.c (also RFC 7748 §6.1 for the keys)
    private static final byte[] ALICE_SK = HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    private static final byte[] ALICE_PK = HEX.parseHex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    private static final byte[] BOB_SK = HEX.parseHex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
    private static final byte[] BOB_PK = HEX.parseHex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    private static final byte[] SHARED = HEX.parseHex("1b27556473e985d462cd51197a9a46c76009549eac6474f206c4ee0844f68389");
    private static final byte[] NONCE = HEX.parseHex("69696ee955b62b73cd62bda875fc73d68219e0036b7a0b37");
    private static final byte[] MESSAGE = HEX.parseHex(
            "be075fc53c81f2d5cf141316ebeb0c7b5228c52a4c62cbd44b66849b64244ffc"
            + "e5ecbaaf33bd751a1ac728d45e6c61296cdc3c01233561f41db66cce314adb31"
            + "0e3be8250c46f06dceea3a7fa1348057e2f6556ad6b1318a024a838f21af1fde"
            + "048977eb48f59ffd4924ca1c60902e52f0a089bc76897040e082f93776384864"
            + "5e0705");
    private static final byte[] BOX = HEX.parseHex(
            "f3ffc7703f9400e52a7dfb4b3d3305d98e993b9f48681273c29650ba32fc76ce"
            + "48332ea7164d96a4476fb8c531a1186ac0dfc17c98dce87b4da7f011ec48c972"
            + "71d2c20f9b928fe2270d6fb863d51738b48eeee314a7cc8ab932164548e526ae"
            + "90224368517acfeabd6bb3732bc0e9da99832b61ca01b6de56244a9e88d5f9b3"
            + "7973f622a43d14a6599b1f654cb45a74e355a5");

    @Test
    void hsalsa20MatchesNaclsCoreVector() {
        assertArrayEquals(HEX.parseHex("dc908dda0b9344a953629b733820778880f3ceb421bb61b91cbd4c3e66256ce4"),
                NaclBox.hsalsa20(SHARED, Arrays.copyOf(NONCE, 16)));
    }

    @Test
    void beforenmMatchesNaclFromBothSides() {
        assertArrayEquals(SHARED, NaclBox.sharedKey(new X25519PrivateKeyParameters(ALICE_SK), BOB_PK));
        assertArrayEquals(SHARED, NaclBox.sharedKey(new X25519PrivateKeyParameters(BOB_SK), ALICE_PK));
    }

    @Test
    void boxMatchesNaclsVectorAndOpensOnTheOtherSide() {
        assertArrayEquals(BOX, NaclBox.seal(MESSAGE, NONCE, BOB_PK, new X25519PrivateKeyParameters(ALICE_SK)));
        assertArrayEquals(MESSAGE, NaclBox.open(BOX, NONCE, ALICE_PK, new X25519PrivateKeyParameters(BOB_SK)));
    }

    @Test
    void boxMatchesGoXCryptoTestVector() {
        byte[] privateKey1 = filled(32, 1);
        byte[] publicKey1 = new X25519PrivateKeyParameters(privateKey1).generatePublicKey().getEncoded();
        byte[] box = NaclBox.seal(filled(64, 3), filled(24, 4), publicKey1,
                new X25519PrivateKeyParameters(filled(32, 2)));
        assertEquals("78ea30b19d2341ebbdba54180f821eec265cf86312549bea8a37652a8bb94f07b78a73ed1708085e6ddd0e943bbde"
                + "b8755079a37eb31d86163ce241164a47629c0539f330b4914cd135b3855bc2a2dfc", HEX.formatHex(box));
    }

    @Test
    void libsodiumOpensOurBoxesAndWeOpenItsBoxes() {
        for (int length : new int[] {0, 1, 31, 32, 33, 1000}) {
            byte[] ourSk = random(32);
            byte[] ourPk = new X25519PrivateKeyParameters(ourSk).generatePublicKey().getEncoded();
            byte[] theirPk = new byte[32];
            byte[] theirSk = new byte[32];
            assertEquals(0, SODIUM.crypto_box_keypair(theirPk, theirSk));
            byte[] message = random(length);
            byte[] nonce = random(24);

            byte[] ours = NaclBox.seal(message, nonce, theirPk, new X25519PrivateKeyParameters(ourSk));
            byte[] opened = new byte[length];
            assertEquals(0, SODIUM.crypto_box_open_easy(opened, ours, ours.length, nonce, ourPk, theirSk));
            assertArrayEquals(message, opened);

            byte[] theirs = new byte[length + 16];
            assertEquals(0, SODIUM.crypto_box_easy(theirs, message, length, nonce, ourPk, theirSk));
            assertArrayEquals(ours, theirs, "the same keys, nonce and message make the same box");
            assertArrayEquals(message, NaclBox.open(theirs, nonce, theirPk, new X25519PrivateKeyParameters(ourSk)));
        }
    }

    @Test
    void weOpenLibsodiumsSealedBoxes() {
        byte[] ourSk = random(32);
        byte[] ourPk = new X25519PrivateKeyParameters(ourSk).generatePublicKey().getEncoded();
        for (int length : new int[] {0, 5, 100}) {
            byte[] message = random(length);
            byte[] sealed = new byte[length + 48];
            assertEquals(0, SODIUM.crypto_box_seal(sealed, message, length, ourPk));
            assertArrayEquals(message, NaclBox.openSealed(sealed, new X25519PrivateKeyParameters(ourSk)));
        }
    }

    @Test
    void ed25519KeysConvertAsLibsodiumConvertsThem() {
        for (int i = 0; i < 20; i++) {
            byte[] seed = random(32);
            byte[] publicKey = new Ed25519PrivateKeyParameters(seed).generatePublicKey().getEncoded();
            byte[] sodiumSecret = new byte[32];
            byte[] sodiumPublic = new byte[32];
            assertEquals(0, SODIUM.crypto_sign_ed25519_sk_to_curve25519(sodiumSecret, concat(seed, publicKey)));
            assertEquals(0, SODIUM.crypto_sign_ed25519_pk_to_curve25519(sodiumPublic, publicKey));
            X25519PrivateKeyParameters ours = Ed25519Operations.toX25519(seed);
            assertArrayEquals(sodiumPublic, ours.generatePublicKey().getEncoded());
            // libsodium clamps the converted scalar; X25519 clamps ours when it uses it, so both agree
            byte[] peer = new X25519PrivateKeyParameters(RANDOM).generatePublicKey().getEncoded();
            byte[] sodiumShared = new byte[32];
            assertEquals(0, SODIUM.crypto_scalarmult(sodiumShared, sodiumSecret, peer));
            byte[] ourShared = new byte[32];
            ours.generateSecret(new org.bouncycastle.crypto.params.X25519PublicKeyParameters(peer), ourShared, 0);
            assertArrayEquals(sodiumShared, ourShared);
        }
    }

    @Test
    void ed25519KeysetsBoxAsLibsodiumWithEveryVersion() {
        org.eekms.crypto.Keyset first = org.eekms.crypto.Keyset.generate(org.eekms.crypto.KeyType.ED25519);
        byte[] firstPublic = first.publicKey().orElseThrow();
        org.eekms.crypto.Keyset rotated = first.rotate();
        byte[] rotatedPublic = rotated.publicKey().orElseThrow();
        byte[] theirPk = new byte[32];
        byte[] theirSk = new byte[32];
        assertEquals(0, SODIUM.crypto_box_keypair(theirPk, theirSk));
        byte[] nonce = random(24);
        byte[] message = random(40);

        // Easy: from the primary, which libsodium opens with the primary's converted public key
        byte[] box = rotated.operations().boxSeal(message, nonce, theirPk);
        byte[] ourX25519 = new byte[32];
        assertEquals(0, SODIUM.crypto_sign_ed25519_pk_to_curve25519(ourX25519, rotatedPublic));
        byte[] opened = new byte[message.length];
        assertEquals(0, SODIUM.crypto_box_open_easy(opened, box, box.length, nonce, ourX25519, theirSk));
        assertArrayEquals(message, opened);

        // EasyOpen and SealOpen: to the version my_pub names, the old one included
        for (byte[] myPublic : new byte[][] {firstPublic, rotatedPublic}) {
            byte[] myX25519 = new byte[32];
            assertEquals(0, SODIUM.crypto_sign_ed25519_pk_to_curve25519(myX25519, myPublic));
            byte[] theirs = new byte[message.length + 16];
            assertEquals(0, SODIUM.crypto_box_easy(theirs, message, message.length, nonce, myX25519, theirSk));
            assertArrayEquals(message, rotated.operations().boxOpen(theirs, nonce, theirPk, myPublic));
            byte[] sealed = new byte[message.length + 48];
            assertEquals(0, SODIUM.crypto_box_seal(sealed, message, message.length, myX25519));
            assertArrayEquals(message, rotated.operations().sealedBoxOpen(sealed, myPublic));
        }
        byte[] stranger = org.eekms.crypto.Keyset.generate(org.eekms.crypto.KeyType.ED25519).publicKey().orElseThrow();
        assertThrows(InvalidRequestException.class, () -> rotated.operations().sealedBoxOpen(box, stranger));
        assertThrows(InvalidRequestException.class,
                () -> org.eekms.crypto.Keyset.generate(org.eekms.crypto.KeyType.ECDSAP256_DER).operations()
                        .boxSeal(message, nonce, theirPk), "only Ed25519 keys box");
    }

    @Test
    void everyTamperedByteIsRejected() {
        X25519PrivateKeyParameters bob = new X25519PrivateKeyParameters(BOB_SK);
        for (int i = 0; i < BOX.length; i++) {
            byte[] tampered = BOX.clone();
            tampered[i] ^= 0x40;
            assertThrows(VerificationFailedException.class, () -> NaclBox.open(tampered, NONCE, ALICE_PK, bob));
        }
        byte[] otherNonce = NONCE.clone();
        otherNonce[23] ^= 1;
        assertThrows(VerificationFailedException.class, () -> NaclBox.open(BOX, otherNonce, ALICE_PK, bob));
        assertThrows(VerificationFailedException.class,
                () -> NaclBox.open(BOX, NONCE, BOB_PK, bob), "another sender");
        assertThrows(VerificationFailedException.class,
                () -> NaclBox.open(BOX, NONCE, ALICE_PK, new X25519PrivateKeyParameters(RANDOM)), "another recipient");
        assertThrows(VerificationFailedException.class,
                () -> NaclBox.open(Arrays.copyOf(BOX, 15), NONCE, ALICE_PK, bob), "shorter than a tag");
        assertThrows(VerificationFailedException.class,
                () -> NaclBox.openSealed(new byte[47], bob), "shorter than a key and a tag");
    }

    @Test
    void badNoncesAndKeysAreBadRequests() {
        X25519PrivateKeyParameters alice = new X25519PrivateKeyParameters(ALICE_SK);
        assertThrows(InvalidRequestException.class, () -> NaclBox.seal(MESSAGE, new byte[12], BOB_PK, alice));
        assertThrows(InvalidRequestException.class, () -> NaclBox.seal(MESSAGE, null, BOB_PK, alice));
        assertThrows(InvalidRequestException.class, () -> NaclBox.seal(MESSAGE, NONCE, new byte[31], alice));
        assertThrows(InvalidRequestException.class, () -> NaclBox.seal(MESSAGE, NONCE, null, alice));
        // a small-order point (here 0) would make the box key independent of our private key
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> NaclBox.seal(MESSAGE, NONCE, new byte[32], alice));
        assertTrue(e.getMessage().contains("their_pub"), e.getMessage());
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
