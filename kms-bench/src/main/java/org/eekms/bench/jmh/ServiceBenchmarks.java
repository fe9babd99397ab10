package org.eekms.bench.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eekms.crypto.Ciphertext;
import org.eekms.crypto.KeyType;
import org.eekms.keystore.boundary.KeyCrypto;
import org.eekms.keystore.boundary.Outcome;
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
 * The service layer with a warm cache: {@link KeyCrypto} as the REST resources call it (cache lookup, access and lock
 * checks, the crypto, the operation timer). The in-process limit the load test compares REST with.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ServiceBenchmarks {

    /** The batch the load test sends to {@code batch/sign}. */
    public static final int BATCH = 100;

    private WarmService service;
    private KeyCrypto crypto;
    private String ed25519;
    private String p256;
    private String aesGcm;
    private String hmac;
    private List<byte[]> batch;

    @Setup
    public void setUp() {
        service = new WarmService();
        crypto = service.crypto;
        ed25519 = service.add(KeyType.ED25519);
        p256 = service.add(KeyType.ECDSAP256_IEEE_P1363);
        aesGcm = service.add(KeyType.AES256GCM);
        hmac = service.add(KeyType.HMACSHA256_TAG256);
        batch = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            batch.add(CryptoBenchmarks.MESSAGE);
        }
    }

    @Benchmark
    public byte[] signEd25519() {
        return crypto.sign(WarmService.KEYSTORE, ed25519, CryptoBenchmarks.MESSAGE, WarmService.caller());
    }

    @Benchmark
    public byte[] signEcdsaP256() {
        return crypto.sign(WarmService.KEYSTORE, p256, CryptoBenchmarks.MESSAGE, WarmService.caller());
    }

    @Benchmark
    public Ciphertext encryptAes256Gcm1KiB() {
        return crypto.encrypt(WarmService.KEYSTORE, aesGcm, CryptoBenchmarks.KIB, null, WarmService.caller());
    }

    @Benchmark
    public byte[] computeMacHmacSha256_1KiB() {
        return crypto.computeMac(WarmService.KEYSTORE, hmac, CryptoBenchmarks.KIB, WarmService.caller());
    }

    /** Throughput in batches per second; times {@link #BATCH} for signatures. */
    @Benchmark
    public List<Outcome<byte[]>> batchSignEd25519() {
        return crypto.signAll(WarmService.KEYSTORE, ed25519, batch, WarmService.caller());
    }

}
