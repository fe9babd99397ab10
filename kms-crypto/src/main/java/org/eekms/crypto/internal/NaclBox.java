package org.eekms.crypto.internal;

import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.engines.Salsa20Engine;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.util.Pack;
import org.eekms.problem.InvalidRequestException;
import org.eekms.problem.VerificationFailedException;

/**
 * NaCl's {@code crypto_box} (X25519, HSalsa20, XSalsa20-Poly1305) and its anonymous sealed box, as Go's
 * {@code x/crypto/nacl/box} makes them for Aries' legacy packer: a box is the 16-byte Poly1305 tag followed by the
 * ciphertext, without the nonce; a sealed box is the sender's ephemeral public key followed by a box whose nonce is
 * BLAKE2b-192(ephemeral public key ‖ recipient public key).
 *
 * <p>The stream cipher, MAC, hash and curve are BouncyCastle's. BouncyCastle has no public HSalsa20, the step that
 * turns the X25519 secret into the box key, so it is composed here from BouncyCastle's Salsa20 core exactly as its
 * own XSalsa20 key setup does.
 */
final class NaclBox {

    static final int NONCE_LENGTH = 24;
    static final int KEY_LENGTH = 32;
    static final int TAG_LENGTH = 16;

    private NaclBox() {
    }

    /** {@code box.Seal}: the box of {@code message} from {@code mine} to {@code theirs}. */
    static byte[] seal(byte[] message, byte[] nonce, byte[] theirs, X25519PrivateKeyParameters mine) {
        byte[] key = sharedKey(mine, theirs);
        try {
            return secretBox(message, checkedNonce(nonce), key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** {@code box.Open}: the message in a box from {@code theirs} to {@code mine}, or 400 when it does not open. */
    static byte[] open(byte[] box, byte[] nonce, byte[] theirs, X25519PrivateKeyParameters mine) {
        byte[] key = sharedKey(mine, theirs);
        try {
            return secretBoxOpen(box, checkedNonce(nonce), key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** {@code box.OpenAnonymous}: the message in a sealed box to {@code mine}. */
    static byte[] openSealed(byte[] sealed, X25519PrivateKeyParameters mine) {
        if (sealed == null || sealed.length < KEY_LENGTH + TAG_LENGTH) {
            throw VerificationFailedException.decryption();
        }
        byte[] ephemeral = Arrays.copyOf(sealed, KEY_LENGTH);
        byte[] nonce = sealedBoxNonce(ephemeral, mine.generatePublicKey().getEncoded());
        return open(Arrays.copyOfRange(sealed, KEY_LENGTH, sealed.length), nonce, ephemeral, mine);
    }

    /** BLAKE2b with a 24-byte output over both public keys: libsodium's and Go's sealed-box nonce. */
    static byte[] sealedBoxNonce(byte[] ephemeralPublicKey, byte[] recipientPublicKey) {
        Blake2bDigest blake2b = new Blake2bDigest(NONCE_LENGTH * 8);
        blake2b.update(ephemeralPublicKey, 0, ephemeralPublicKey.length);
        blake2b.update(recipientPublicKey, 0, recipientPublicKey.length);
        byte[] nonce = new byte[NONCE_LENGTH];
        blake2b.doFinal(nonce, 0);
        return nonce;
    }

    /** {@code crypto_box_beforenm}: HSalsa20 of the X25519 secret under a zero nonce. 400 for a low-order key. */
    static byte[] sharedKey(X25519PrivateKeyParameters mine, byte[] theirs) {
        if (theirs == null || theirs.length != X25519PublicKeyParameters.KEY_SIZE) {
            throw new InvalidRequestException("their_pub must be a 32-byte X25519 public key");
        }
        byte[] secret = new byte[KEY_LENGTH];
        try {
            mine.generateSecret(new X25519PublicKeyParameters(theirs, 0), secret, 0);
        } catch (IllegalStateException e) {
            // an all-zero secret: their key is of small order and would fix the box key for any private key
            throw new InvalidRequestException("their_pub is not a usable X25519 public key");
        }
        try {
            return hsalsa20(secret, new byte[16]);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** {@code crypto_secretbox}: tag ‖ ciphertext, the Poly1305 key being the first 32 bytes of the key stream. */
    static byte[] secretBox(byte[] message, byte[] nonce, byte[] key) {
        XSalsa20Engine cipher = cipher(key, nonce);
        Poly1305 mac = macKeyedFrom(cipher);
        byte[] out = new byte[TAG_LENGTH + message.length];
        cipher.processBytes(message, 0, message.length, out, TAG_LENGTH);
        mac.update(out, TAG_LENGTH, message.length);
        mac.doFinal(out, 0);
        return out;
    }

    static byte[] secretBoxOpen(byte[] box, byte[] nonce, byte[] key) {
        if (box == null || box.length < TAG_LENGTH) {
            throw VerificationFailedException.decryption();
        }
        XSalsa20Engine cipher = cipher(key, nonce);
        Poly1305 mac = macKeyedFrom(cipher);
        mac.update(box, TAG_LENGTH, box.length - TAG_LENGTH);
        byte[] tag = new byte[TAG_LENGTH];
        mac.doFinal(tag, 0);
        if (!MessageDigest.isEqual(tag, Arrays.copyOf(box, TAG_LENGTH))) {
            throw VerificationFailedException.decryption();
        }
        byte[] message = new byte[box.length - TAG_LENGTH];
        cipher.processBytes(box, TAG_LENGTH, message.length, message, 0);
        return message;
    }

    /** Poly1305 keyed with the first 32 bytes of the key stream, which the cipher then moves past. */
    private static Poly1305 macKeyedFrom(XSalsa20Engine cipher) {
        byte[] macKey = new byte[KEY_LENGTH];
        cipher.processBytes(new byte[KEY_LENGTH], 0, KEY_LENGTH, macKey, 0);
        Poly1305 mac = new Poly1305();
        mac.init(new KeyParameter(macKey));
        Arrays.fill(macKey, (byte) 0);
        return mac;
    }

    private static XSalsa20Engine cipher(byte[] key, byte[] nonce) {
        XSalsa20Engine cipher = new XSalsa20Engine();
        cipher.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
        return cipher;
    }

    private static byte[] checkedNonce(byte[] nonce) {
        if (nonce == null || nonce.length != NONCE_LENGTH) {
            throw new InvalidRequestException("nonce must be " + NONCE_LENGTH + " bytes");
        }
        return nonce;
    }

    /**
     * HSalsa20 (the XSalsa20 paper, §2): the Salsa20 core without its final addition, output words 0, 5, 10, 15,
     * 6, 7, 8, 9. BouncyCastle's {@code salsaCore} adds the input back, so it is subtracted again, as in
     * BouncyCastle's own XSalsa20 key setup.
     */
    static byte[] hsalsa20(byte[] key, byte[] nonce16) {
        int[] input = new int[16];
        int[] sigma = Pack.littleEndianToInt("expand 32-byte k".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, 4);
        input[0] = sigma[0];
        input[5] = sigma[1];
        input[10] = sigma[2];
        input[15] = sigma[3];
        Pack.littleEndianToInt(key, 0, input, 1, 4);
        Pack.littleEndianToInt(key, 16, input, 11, 4);
        Pack.littleEndianToInt(nonce16, 0, input, 6, 4);
        int[] x = new int[16];
        Salsa20Engine.salsaCore(20, input, x);
        int[] out = {
            x[0] - input[0], x[5] - input[5], x[10] - input[10], x[15] - input[15],
            x[6] - input[6], x[7] - input[7], x[8] - input[8], x[9] - input[9]};
        Arrays.fill(input, 0);
        Arrays.fill(x, 0);
        byte[] subkey = Pack.intToLittleEndian(out);
        Arrays.fill(out, 0);
        return subkey;
    }
}
