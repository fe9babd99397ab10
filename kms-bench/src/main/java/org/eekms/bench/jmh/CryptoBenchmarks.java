package org.eekms.bench.jmh;

import java.io.StringReader;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.eekms.crypto.AgreementPublicKey;
import org.eekms.crypto.Ciphertext;
import org.eekms.crypto.KeyOperations;
import org.eekms.crypto.KeyType;
import org.eekms.crypto.KeyWrapping;
import org.eekms.crypto.Keyset;
import org.eekms.crypto.SecretAead;
import org.eekms.crypto.SecretAeads;
import org.eekms.crypto.SecretBytes;
import org.eekms.crypto.SecretSplitter;
import org.eekms.crypto.WrappedKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The primitives as the services run them: the {@link KeyOperations} a cached key holds (Tink and BouncyCastle
 * underneath), the Shamir combine of the authorization server, and the unseal of a keyset under its keystore's main
 * key that a cache miss costs. Inputs are those of the load test: a 64-byte message to sign, 1 KiB to encrypt and MAC.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CryptoBenchmarks {

    static final byte[] MESSAGE = new byte[64];
    static final byte[] KIB = new byte[1024];
    private static final byte[] ASSOCIATED_DATA = "eekms:keyset:ks:ks-1".getBytes();

    private KeyOperations ed25519;
    private byte[] ed25519Signature;
    private KeyOperations p256;
    private byte[] p256Signature;
    private KeyOperations aesGcm;
    private Ciphertext aesGcmCiphertext;
    private KeyOperations hmac;
    private byte[] hmacTag;
    private KeyOperations sender;
    private KeyOperations recipient;
    private AgreementPublicKey recipientPublicKey;
    private WrappedKey anoncrypted;
    private byte[] cek;
    private List<SecretBytes> shares;
    private SecretAead mainKey;
    private byte[] sealedKeyset;

    @Setup
    public void setUp() {
        ed25519 = Keyset.generate(KeyType.ED25519).operations();
        ed25519Signature = ed25519.sign(MESSAGE);
        p256 = Keyset.generate(KeyType.ECDSAP256_IEEE_P1363).operations();
        p256Signature = p256.sign(MESSAGE);
        aesGcm = Keyset.generate(KeyType.AES256GCM).operations();
        aesGcmCiphertext = aesGcm.encrypt(KIB, null);
        hmac = Keyset.generate(KeyType.HMACSHA256_TAG256).operations();
        hmacTag = hmac.computeMac(KIB);

        sender = Keyset.generate(KeyType.NISTP256ECDHKW).operations();
        Keyset recipientKeys = Keyset.generate(KeyType.NISTP256ECDHKW);
        recipient = recipientKeys.operations();
        recipientPublicKey = agreementKey(recipientKeys.publicKey().orElseThrow());
        cek = SecretBytes.random(32).toByteArray();
        anoncrypted = KeyWrapping.anoncrypt(cek, null, null, recipientPublicKey);

        shares = SecretSplitter.shamir().split(SecretBytes.random(32), 2, 2);
        mainKey = SecretAeads.aes256Gcm(SecretBytes.random(32));
        sealedKeyset = Keyset.generate(KeyType.ED25519).seal(mainKey, ASSOCIATED_DATA);
    }

    /** The export format of ECDH-KW keys is AFGo's crypto.PublicKey JSON, as a wrap request carries it. */
    static AgreementPublicKey agreementKey(byte[] exported) {
        JsonObject json = Json.createReader(new StringReader(new String(exported))).readObject();
        Base64.Decoder base64 = Base64.getDecoder();
        return new AgreementPublicKey(json.getString("kid"), base64.decode(json.getString("x")),
                json.isNull("y") ? null : base64.decode(json.getString("y")), json.getString("curve"),
                json.getString("type"));
    }

    @Benchmark
    public byte[] signEd25519() {
        return ed25519.sign(MESSAGE);
    }

    @Benchmark
    public void verifyEd25519() {
        ed25519.verify(ed25519Signature, MESSAGE);
    }

    @Benchmark
    public byte[] signEcdsaP256() {
        return p256.sign(MESSAGE);
    }

    @Benchmark
    public void verifyEcdsaP256() {
        p256.verify(p256Signature, MESSAGE);
    }

    @Benchmark
    public Ciphertext encryptAes256Gcm1KiB() {
        return aesGcm.encrypt(KIB, null);
    }

    @Benchmark
    public byte[] decryptAes256Gcm1KiB() {
        return aesGcm.decrypt(aesGcmCiphertext.ciphertext(), aesGcmCiphertext.nonce(), null);
    }

    @Benchmark
    public byte[] computeMacHmacSha256_1KiB() {
        return hmac.computeMac(KIB);
    }

    @Benchmark
    public void verifyMacHmacSha256_1KiB() {
        hmac.verifyMac(hmacTag, KIB);
    }

    /** Authcrypt, ECDH-1PU+A256KW on P-256: the key wraps a CEK for another party. */
    @Benchmark
    public WrappedKey wrapEcdh1puP256() {
        return sender.wrapKey(cek, null, null, recipientPublicKey, null);
    }

    /** Anoncrypt unwrap, ECDH-ES+A256KW on P-256. */
    @Benchmark
    public byte[] unwrapEcdhEsP256() {
        return recipient.unwrapKey(anoncrypted, null, null);
    }

    /** The authorization server's per-request work before a cache hit: none; on a miss, the combine of two shares. */
    @Benchmark
    public SecretBytes shamirCombine() {
        return SecretSplitter.shamir().combine(shares);
    }

    /** A cache miss: the keyset unsealed under its keystore's main key and made ready (the lock unwrap). */
    @Benchmark
    public KeyOperations unsealKeyset() {
        return Keyset.unseal(KeyType.ED25519, sealedKeyset, mainKey, ASSOCIATED_DATA).operations();
    }
}
