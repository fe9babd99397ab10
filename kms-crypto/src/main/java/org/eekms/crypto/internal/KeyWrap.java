package org.eekms.crypto.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.agreement.kdf.ConcatenationKDFGenerator;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.RFC3394WrapEngine;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.modes.XChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.KDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.util.BigIntegers;
import org.eekms.crypto.AgreementPublicKey;
import org.eekms.crypto.WrappedKey;
import org.eekms.problem.InvalidRequestException;
import org.eekms.problem.VerificationFailedException;

/**
 * Content-key wrapping exactly as AFGo's {@code tinkcrypto} does it, byte for byte (TrustBloc's server wraps with
 * it):
 * <ul>
 * <li>ECDH-ES (anoncrypt): Z = ECDH(ephemeral, recipient); ECDH-1PU (authcrypt): Z = Ze ‖ Zs, the ephemeral secret
 * before the sender's static one. An EC secret is the shared X coordinate at the curve's length; X25519's is
 * RFC 7748's, an all-zero result refused.</li>
 * <li>KEK = Concat KDF (RFC 7518 §4.6, SHA-256) over Z with AlgorithmID = the key-wrap {@code alg} string, apu and
 * apv as given (length-prefixed) and SuppPubInfo = the KEK length in bits, followed for ECDH-1PU by the
 * length-prefixed tag, even an empty one (draft-madden-jose-ecdh-1pu-04 §2.3 cctag).</li>
 * <li>ECDH-ES always derives a 32-byte KEK; ECDH-1PU's follows the alg, which follows the CEK length (32, 48 or 64
 * bytes: A128KW, A192KW, A256KW). {@code …KW} is RFC 3394 AES key wrap (despite "AES-GCM" in AFGo's comments);
 * {@code …XC20PKW}, which we unwrap but never produce (nor does TrustBloc's server), is a random 24-byte nonce
 * followed by XChaCha20-Poly1305 of the CEK without associated data.</li>
 * <li>An empty apu becomes the ASCII of base64url(ephemeral X), which the KDF uses and the result carries. The
 * ephemeral key is returned with unpadded big-endian coordinates, Go's curve name ("P-256") and the recipient's
 * key type.</li>
 * </ul>
 * Where Go would panic (a point off the curve) or silently pad a key, this answers 400.
 */
public final class KeyWrap {

    static final String ES_A256KW = "ECDH-ES+A256KW";
    static final String ES_XC20PKW = "ECDH-ES+XC20PKW";
    static final String PU_A128KW = "ECDH-1PU+A128KW";
    static final String PU_A192KW = "ECDH-1PU+A192KW";
    static final String PU_A256KW = "ECDH-1PU+A256KW";
    static final String PU_XC20PKW = "ECDH-1PU+XC20PKW";

    static final String EC = "EC";
    static final String OKP = "OKP";

    private static final int ES_KEK_LENGTH = 32;
    private static final int XC20P_NONCE_LENGTH = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The curve names a request may use, as Tink's {@code GetCurve} accepts them. */
    private static final Map<String, EcCurve> CURVE_NAMES = Map.ofEntries(
            Map.entry("P-256", EcCurve.P256), Map.entry("NIST_P256", EcCurve.P256),
            Map.entry("SECP256R1", EcCurve.P256), Map.entry("ELLIPTICCURVETYPE_NIST_P256", EcCurve.P256),
            Map.entry("P-384", EcCurve.P384), Map.entry("NIST_P384", EcCurve.P384),
            Map.entry("SECP384R1", EcCurve.P384), Map.entry("ELLIPTICCURVETYPE_NIST_P384", EcCurve.P384),
            Map.entry("P-521", EcCurve.P521), Map.entry("NIST_P521", EcCurve.P521),
            Map.entry("SECP521R1", EcCurve.P521), Map.entry("ELLIPTICCURVETYPE_NIST_P521", EcCurve.P521));

    /** One side's key on a curve: an EC curve, or X25519 when {@code curve} is null. */
    record Party(EcCurve curve, AsymmetricKeyParameter privateKey, AsymmetricKeyParameter publicKey) {
        boolean isX25519() {
            return curve == null;
        }

        @Override
        public String toString() {
            return "Party[" + (curve == null ? "X25519" : curve.jwkName()) + "]";
        }
    }

    private KeyWrap() {
    }

    /** Anoncrypt: ECDH-ES+A256KW to the recipient, whose curve its key names. */
    public static WrappedKey anoncrypt(byte[] cek, byte[] apu, byte[] apv, AgreementPublicKey recipient) {
        Party to = parse(recipient, "recipient_pub_key", null);
        Party ephemeral = ephemeral(to);
        byte[] partyU = defaultApu(apu, ephemeral);
        byte[] z = agree(ephemeral, to);
        byte[] kek = kek(ES_A256KW, z, partyU, apv, ES_KEK_LENGTH, null, false);
        return new WrappedKey(recipient.kid(), aesWrap(kek, checkedCek(cek)), epk(ephemeral, recipient.type()),
                ES_A256KW, partyU, apv);
    }

    /** Authcrypt: ECDH-1PU from {@code sender} (a private key) to the recipient, on the sender's curve. */
    static WrappedKey authcrypt(byte[] cek, byte[] apu, byte[] apv, AgreementPublicKey recipient, byte[] tag,
            Party sender) {
        String alg = switch (cek == null ? 0 : cek.length) {
            case 32 -> PU_A128KW;
            case 48 -> PU_A192KW;
            case 64 -> PU_A256KW;
            default -> throw new InvalidRequestException(
                    "cek must be 32, 48 or 64 bytes for ECDH-1PU (an AES-CBC-HMAC content key)");
        };
        Party to = parse(recipient, "recipient_pub_key", sender);
        Party ephemeral = ephemeral(to);
        byte[] partyU = defaultApu(apu, ephemeral);
        byte[] z = concat(agree(ephemeral, to), agree(sender, to));
        byte[] kek = kek(alg, z, partyU, apv, kekLength(alg), tag, true);
        return new WrappedKey(recipient.kid(), aesWrap(kek, cek), epk(ephemeral, recipient.type()), alg, partyU,
                apv);
    }

    /**
     * Unwraps with the recipient's private key: ECDH-ES when {@code sender} is null, ECDH-1PU otherwise. 400 for an
     * unknown alg or keys off the recipient's curve; {@link VerificationFailedException} when the bytes do not
     * unwrap (wrong key, sender, tag, apu or apv, or tampering: they are not told apart).
     */
    static byte[] unwrap(WrappedKey wrapped, Party recipient, AgreementPublicKey sender, byte[] tag) {
        return unwrap(wrapped, List.of(recipient), sender, tag);
    }

    /**
     * As above, for a key of several versions (all of one curve): the request is checked and its keys parsed once,
     * then each version tries, so that a key wrapped before a rotation still unwraps.
     */
    static byte[] unwrap(WrappedKey wrapped, List<Party> versions, AgreementPublicKey sender, byte[] tag) {
        String alg = wrapped.alg();
        boolean onePu = PU_A128KW.equals(alg) || PU_A192KW.equals(alg) || PU_A256KW.equals(alg)
                || PU_XC20PKW.equals(alg);
        if (!onePu && !ES_A256KW.equals(alg) && !ES_XC20PKW.equals(alg)) {
            throw new InvalidRequestException("unsupported_algorithm", "wrapped_key.alg must be one of "
                    + String.join(", ", ES_A256KW, ES_XC20PKW, PU_A128KW, PU_A192KW, PU_A256KW, PU_XC20PKW));
        }
        if (wrapped.epk() == null) {
            throw new InvalidRequestException("wrapped_key.epk is required");
        }
        Party curve = versions.get(0);
        Party ephemeral = parse(wrapped.epk(), "wrapped_key.epk", curve);
        Party from = null;
        if (onePu) {
            if (sender == null) {
                throw new InvalidRequestException("sender_pub_key is required to unwrap " + alg);
            }
            from = parse(sender, "sender_pub_key", curve);
        }
        byte[] encrypted = wrapped.encryptedCek();
        if (encrypted == null || encrypted.length == 0) {
            throw new InvalidRequestException("wrapped_key.encryptedcek is required");
        }
        for (Party recipient : versions) {
            byte[] kek = onePu
                    ? kek(alg, concat(agree(recipient, ephemeral), agree(recipient, from)), wrapped.apu(),
                            wrapped.apv(), kekLength(alg), tag, true)
                    : kek(alg, agree(recipient, ephemeral), wrapped.apu(), wrapped.apv(), ES_KEK_LENGTH, null, false);
            try {
                return alg.endsWith("XC20PKW") ? xc20pUnwrap(kek, encrypted) : aesUnwrap(kek, encrypted);
            } catch (VerificationFailedException e) {
                // wrapped for another version, or not at all: try the next
            }
        }
        throw VerificationFailedException.keyUnwrap();
    }

    /**
     * A public key of a request as a party on a curve. With {@code expected}, it must be of the same family and
     * curve (the key it meets); without, its {@code type} and {@code curve} choose.
     */
    static Party parse(AgreementPublicKey key, String what, Party expected) {
        if (key == null) {
            throw new InvalidRequestException(what + " is required");
        }
        String type = key.type();
        if (OKP.equals(type)) {
            if (expected != null && !expected.isX25519()) {
                throw new InvalidRequestException(what + " is an OKP (X25519) key; this key is on "
                        + expected.curve().jwkName());
            }
            byte[] x = key.x();
            if (x == null || x.length != X25519PublicKeyParameters.KEY_SIZE) {
                throw new InvalidRequestException(what + ".x must be 32 bytes for an X25519 key");
            }
            return new Party(null, null, new X25519PublicKeyParameters(x, 0));
        }
        if (!EC.equals(type)) {
            throw new InvalidRequestException(what + ".type must be EC or OKP");
        }
        EcCurve curve = key.curve() == null ? null : CURVE_NAMES.get(key.curve().toUpperCase(Locale.ROOT));
        if (curve == null) {
            throw new InvalidRequestException(what + ".curve must be P-256, P-384 or P-521 (or NIST_P256 …)");
        }
        if (expected != null && curve != expected.curve()) {
            throw new InvalidRequestException(what + " is on " + curve.jwkName() + "; this key is on "
                    + (expected.isX25519() ? "X25519" : expected.curve().jwkName()));
        }
        byte[] x = key.x();
        byte[] y = key.y();
        if (x == null || y == null || x.length == 0 || y.length == 0 || x.length > curve.size()
                || y.length > curve.size()) {
            throw new InvalidRequestException(what + ".x and .y must be coordinates of " + curve.jwkName());
        }
        return new Party(curve, null, curve.publicKey(new BigInteger(1, x), new BigInteger(1, y), what));
    }

    private static Party ephemeral(Party to) {
        if (to.isX25519()) {
            X25519PrivateKeyParameters key = new X25519PrivateKeyParameters(RANDOM);
            return new Party(null, key, key.generatePublicKey());
        }
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(to.curve().domain(), RANDOM));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return new Party(to.curve(), pair.getPrivate(), pair.getPublic());
    }

    /** The shared secret of a private and a public key of one curve. */
    static byte[] agree(Party mine, Party theirs) {
        if (mine.isX25519()) {
            byte[] z = new byte[X25519PrivateKeyParameters.SECRET_SIZE];
            try {
                ((X25519PrivateKeyParameters) mine.privateKey())
                        .generateSecret((X25519PublicKeyParameters) theirs.publicKey(), z, 0);
            } catch (IllegalStateException e) {
                throw new InvalidRequestException("an X25519 public key of the request has small order");
            }
            return z;
        }
        ECDHBasicAgreement agreement = new ECDHBasicAgreement();
        agreement.init(mine.privateKey());
        return mine.curve().fixedLength(agreement.calculateAgreement(theirs.publicKey()));
    }

    /** The Concat KDF of RFC 7518 §4.6.2 with AFGo's FixedInfo (see the class comment). */
    static byte[] kek(String alg, byte[] z, byte[] apu, byte[] apv, int length, byte[] tag, boolean withTag) {
        ByteArrayOutputStream fixedInfo = new ByteArrayOutputStream();
        lengthPrefixed(fixedInfo, alg.getBytes(StandardCharsets.US_ASCII));
        lengthPrefixed(fixedInfo, apu);
        lengthPrefixed(fixedInfo, apv);
        fixedInfo.writeBytes(uint32(length * 8));
        if (withTag) {
            lengthPrefixed(fixedInfo, tag);
        }
        ConcatenationKDFGenerator kdf = new ConcatenationKDFGenerator(new SHA256Digest());
        kdf.init(new KDFParameters(z, fixedInfo.toByteArray()));
        byte[] kek = new byte[length];
        kdf.generateBytes(kek, 0, length);
        Arrays.fill(z, (byte) 0);
        return kek;
    }

    private static int kekLength(String alg) {
        return switch (alg) {
            case PU_A128KW -> 16;
            case PU_A192KW -> 24;
            default -> 32;
        };
    }

    private static byte[] defaultApu(byte[] apu, Party ephemeral) {
        if (apu != null && apu.length > 0) {
            return apu;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(epkX(ephemeral))
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static AgreementPublicKey epk(Party ephemeral, String type) {
        if (ephemeral.isX25519()) {
            return new AgreementPublicKey(null, epkX(ephemeral), null, "X25519", type);
        }
        ECPublicKeyParameters q = (ECPublicKeyParameters) ephemeral.publicKey();
        return new AgreementPublicKey(null, epkX(ephemeral),
                BigIntegers.asUnsignedByteArray(q.getQ().normalize().getAffineYCoord().toBigInteger()),
                ephemeral.curve().jwkName(), type);
    }

    /** X as Go's {@code big.Int.Bytes()} gives it: big-endian without leading zeros; X25519: the 32 bytes. */
    private static byte[] epkX(Party party) {
        if (party.isX25519()) {
            return ((X25519PublicKeyParameters) party.publicKey()).getEncoded();
        }
        return BigIntegers.asUnsignedByteArray(
                ((ECPublicKeyParameters) party.publicKey()).getQ().normalize().getAffineXCoord().toBigInteger());
    }

    private static byte[] checkedCek(byte[] cek) {
        if (cek == null || cek.length < 16 || cek.length % 8 != 0) {
            throw new InvalidRequestException("cek must be at least 16 bytes and a multiple of 8 (RFC 3394)");
        }
        return cek;
    }

    private static byte[] aesWrap(byte[] kek, byte[] cek) {
        RFC3394WrapEngine engine = new RFC3394WrapEngine(AESEngine.newInstance());
        engine.init(true, new KeyParameter(kek));
        try {
            return engine.wrap(cek, 0, cek.length);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    private static byte[] aesUnwrap(byte[] kek, byte[] wrapped) {
        RFC3394WrapEngine engine = new RFC3394WrapEngine(AESEngine.newInstance());
        engine.init(false, new KeyParameter(kek));
        try {
            return engine.unwrap(wrapped, 0, wrapped.length);
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw VerificationFailedException.keyUnwrap();
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    private static byte[] xc20pUnwrap(byte[] kek, byte[] wrapped) {
        if (wrapped.length < XC20P_NONCE_LENGTH + 16) {
            throw VerificationFailedException.keyUnwrap();
        }
        XChaCha20Poly1305 aead = new XChaCha20Poly1305();
        aead.init(false, new AEADParameters(new KeyParameter(kek), 128,
                Arrays.copyOf(wrapped, XC20P_NONCE_LENGTH)));
        byte[] cek = new byte[aead.getOutputSize(wrapped.length - XC20P_NONCE_LENGTH)];
        try {
            int n = aead.processBytes(wrapped, XC20P_NONCE_LENGTH, wrapped.length - XC20P_NONCE_LENGTH, cek, 0);
            aead.doFinal(cek, n);
            return cek;
        } catch (InvalidCipherTextException | RuntimeException e) {
            Arrays.fill(cek, (byte) 0);
            throw VerificationFailedException.keyUnwrap();
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    private static void lengthPrefixed(ByteArrayOutputStream out, byte[] data) {
        byte[] bytes = data == null ? new byte[0] : data;
        out.writeBytes(uint32(bytes.length));
        out.writeBytes(bytes);
    }

    private static byte[] uint32(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        Arrays.fill(a, (byte) 0);
        Arrays.fill(b, (byte) 0);
        return out;
    }
}
