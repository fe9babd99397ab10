package org.eekms.secretlock.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.eekms.problem.VerificationFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MasterLockTest {

    private static final byte[] AD = "ad".getBytes(StandardCharsets.UTF_8);
    private static final byte[] MAIN_KEY = "a main key of thirty-two bytes..".getBytes(StandardCharsets.UTF_8);
    private static final String PASSPHRASE = "correct horse battery staple";
    private static final String HKDF_SECRET = Base64.getEncoder().encodeToString(
            "thirty-two bytes of input secret".getBytes(StandardCharsets.UTF_8));
    private static final String ARN = "arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    @TempDir
    Path dir;

    /** The AWS SDK's default chain finds these first; instance metadata is off so nothing leaves the machine. */
    @BeforeAll
    static void awsCredentials() {
        System.setProperty("aws.accessKeyId", "AKIAIOSFODNN7EXAMPLE");
        System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    @AfterAll
    static void forgetAwsCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        System.clearProperty("aws.disableEc2Metadata");
    }

    // ---- local

    @Test
    void sealsAndUnseals() {
        MasterLock lock = MasterLockTestDouble.local(dir.resolve("master.key"));
        byte[] plain = "a main key".getBytes(StandardCharsets.UTF_8);

        byte[] sealed = lock.seal(plain, AD);

        assertArrayEquals(plain, lock.unseal(sealed, AD));
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("a main key"));
    }

    @Test
    void theSameKeyFileOpensWhatItSealed() {
        Path keyFile = dir.resolve("master.key");
        byte[] sealed = MasterLockTestDouble.local(keyFile).seal(new byte[] {1, 2, 3}, AD);

        assertArrayEquals(new byte[] {1, 2, 3}, MasterLockTestDouble.local(keyFile).unseal(sealed, AD));
    }

    @Test
    void unsealFailsForOtherAssociatedDataOrAnotherKey() {
        MasterLock lock = MasterLockTestDouble.local(dir.resolve("one.key"));
        MasterLock other = MasterLockTestDouble.local(dir.resolve("two.key"));
        byte[] sealed = lock.seal(new byte[] {1, 2, 3}, AD);

        assertThrows(VerificationFailedException.class,
                () -> lock.unseal(sealed, "other".getBytes(StandardCharsets.UTF_8)));
        assertThrows(VerificationFailedException.class, () -> other.unseal(sealed, AD));
    }

    @Test
    void anUnsupportedTypeStopsTheServerWithItsVariableName() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MasterLockTestDouble.open("aws-kms", dir.resolve("master.key").toString(), true));
        assertTrue(e.getMessage().contains("KMS_SECRET_LOCK_TYPE"), e.getMessage());
        assertTrue(e.getMessage().contains("aws-kms"), e.getMessage());
        assertTrue(e.getMessage().contains("local, passphrase, hkdf, aws"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("master.key")));
    }

    @Test
    void theLocalLockNeedsAKeyPath() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MasterLockTestDouble.open("local", null, true));
        assertTrue(e.getMessage().contains("KMS_SECRET_LOCK_KEY_PATH"), e.getMessage());
    }

    @Test
    void aMissingKeyFileIsOnlyCreatedWhenAsked() {
        Path keyFile = dir.resolve("master.key");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MasterLockTestDouble.open("local", keyFile.toString(), false));
        assertTrue(e.getMessage().contains("KMS_SECRET_LOCK_KEY_PATH"), e.getMessage());
        assertFalse(Files.exists(keyFile));
    }

    @Test
    void localIsTheDefaultType() {
        MasterLock lock = MasterLockTestDouble.open(Map.of("kms.secret-lock.key-path", dir.resolve("k").toString(),
                "kms.secret-lock.create-dev-key", "true"));
        assertArrayEquals(MAIN_KEY, lock.unseal(lock.seal(MAIN_KEY, AD), AD));
    }

    // ---- passphrase

    @Test
    void thePassphraseLockRoundTripsAndARestartedServerOpensWhatItSealed() {
        Map<String, String> settings = passphrase("100000");
        byte[] sealed = MasterLockTestDouble.open(settings).seal(MAIN_KEY, AD);

        MasterLock restarted = MasterLockTestDouble.open(settings);
        assertArrayEquals(MAIN_KEY, restarted.unseal(sealed, AD));
        assertArrayEquals(MAIN_KEY, restarted.unseal(restarted.seal(MAIN_KEY, AD), AD));
        assertThrows(VerificationFailedException.class,
                () -> restarted.unseal(sealed, "other".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void thePassphraseLockDerivesWith600000IterationsUnlessTold() {
        byte[] sealed = MasterLockTestDouble.open(passphrase(null)).seal(MAIN_KEY, AD);
        assertEquals(600_000, ByteBuffer.wrap(sealed, 1, 4).getInt());

        byte[] more = MasterLockTestDouble.open(passphrase("700000")).seal(MAIN_KEY, AD);
        assertEquals(700_000, ByteBuffer.wrap(more, 1, 4).getInt());
    }

    @Test
    void aChangedIterationCountStillOpensWhatWasSealedBefore() {
        byte[] sealed = MasterLockTestDouble.open(passphrase("100000")).seal(MAIN_KEY, AD);
        assertArrayEquals(MAIN_KEY, MasterLockTestDouble.open(passphrase("150000")).unseal(sealed, AD));
    }

    @Test
    void anotherPassphraseDoesNotOpen() {
        byte[] sealed = MasterLockTestDouble.open(passphrase("100000")).seal(MAIN_KEY, AD);
        Map<String, String> other = passphrase("100000");
        other.put("kms.secret-lock.passphrase", PASSPHRASE + "!");
        MasterLock lock = MasterLockTestDouble.open(other);
        assertThrows(VerificationFailedException.class, () -> lock.unseal(sealed, AD));
    }

    @Test
    void thePassphraseLockNeedsAPassphrase() {
        Map<String, String> settings = passphrase("100000");
        settings.remove("kms.secret-lock.passphrase");
        assertStopsWith(settings, "KMS_SECRET_LOCK_PASSPHRASE is required by the passphrase master lock");
        settings.put("kms.secret-lock.passphrase", "   ");
        assertStopsWith(settings, "KMS_SECRET_LOCK_PASSPHRASE is required by the passphrase master lock");
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999", "1000", "0", "-600000", "many", "6e5", "10000001"})
    void refusesTooFewOrMalformedIterations(String iterations) {
        IllegalStateException e = assertStops(passphrase(iterations));
        assertTrue(e.getMessage().startsWith("KMS_SECRET_LOCK_PBKDF2_ITERATIONS must be a whole number from 100000"),
                e.getMessage());
        assertFalse(e.getMessage().contains(PASSPHRASE), e.getMessage());
    }

    // ---- hkdf

    @Test
    void theHkdfLockRoundTripsAndARestartedServerOpensWhatItSealed() {
        Map<String, String> settings = hkdf(HKDF_SECRET);
        byte[] sealed = MasterLockTestDouble.open(settings).seal(MAIN_KEY, AD);
        MasterLock restarted = MasterLockTestDouble.open(settings);
        assertArrayEquals(MAIN_KEY, restarted.unseal(sealed, AD));
        assertThrows(VerificationFailedException.class,
                () -> restarted.unseal(sealed, "other".getBytes(StandardCharsets.UTF_8)));

        MasterLock other = MasterLockTestDouble.open(hkdf(Base64.getEncoder().encodeToString(new byte[32])));
        assertThrows(VerificationFailedException.class, () -> other.unseal(sealed, AD));
    }

    @Test
    void theHkdfLockNeedsASecret() {
        assertStopsWith(hkdf(null), "KMS_SECRET_LOCK_HKDF_SECRET is required by the hkdf master lock");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64 at all!", "dGhpcnR5LW9uZSBieXRlcyBvZiBpbnB1dCBzZWNyZQ==",
        "dGhpcnR5LXR3byBieXRlcyBv ZiBpbnB1dCBzZWNyZXQ=", "-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_"})
    void refusesAnHkdfSecretThatIsNotStandardBase64OfAtLeast32Bytes(String secret) {
        IllegalStateException e = assertStops(hkdf(secret));
        assertEquals("KMS_SECRET_LOCK_HKDF_SECRET must be standard base64 of at least 32 random bytes",
                e.getMessage());
        assertFalse(e.getMessage().contains(secret), "the secret is never echoed");
    }

    // ---- aws

    @Test
    void theAwsLockRoundTripsThroughKms() throws Exception {
        try (LoopbackAwsKms kms = new LoopbackAwsKms(ARN)) {
            Map<String, String> settings = aws("aws-kms://" + ARN, kms.endpoint().toString(), "5s");
            MasterLock lock = MasterLockTestDouble.open(settings);
            byte[] sealed = lock.seal(MAIN_KEY, AD);
            MasterLock restarted = MasterLockTestDouble.open(settings);
            assertArrayEquals(MAIN_KEY, restarted.unseal(sealed, AD));
            assertThrows(VerificationFailedException.class,
                    () -> restarted.unseal(sealed, "other".getBytes(StandardCharsets.UTF_8)));
            assertEquals(3, kms.requests());
            MasterLockTestDouble.close(lock);
            MasterLockTestDouble.close(restarted);
        }
    }

    @Test
    void theAwsLockCallsNobodyAtStartup() throws Exception {
        try (LoopbackAwsKms kms = new LoopbackAwsKms(ARN)) {
            MasterLock lock = MasterLockTestDouble.open(aws("aws-kms://" + ARN, kms.endpoint().toString(), null));
            assertEquals(0, kms.requests());
            MasterLockTestDouble.close(lock);
        }
    }

    @Test
    void theAwsLockNeedsAKeyUri() {
        assertStopsWith(aws(null, null, null), "KMS_SECRET_LOCK_AWS_KEY_URI is required by the aws master lock");
    }

    @ParameterizedTest
    @ValueSource(strings = {ARN, "aws-kms://arn:aws:kms:eu-central-1:111122223333", "aws-kms://alias/master"})
    void refusesAKeyUriThatIsNotAnAwsKmsKey(String keyUri) {
        IllegalStateException e = assertStops(aws(keyUri, null, null));
        assertTrue(e.getMessage().startsWith("KMS_SECRET_LOCK_AWS_KEY_URI must be an AWS KMS key URI"),
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:4566", "ftp://127.0.0.1/", "http://", "not a url"})
    void refusesAMalformedAwsEndpoint(String endpoint) {
        IllegalStateException e = assertStops(aws("aws-kms://" + ARN, endpoint, null));
        assertTrue(e.getMessage().startsWith("KMS_SECRET_LOCK_AWS_ENDPOINT must be an http(s) URL"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "ten seconds", "-PT1S", "10x"})
    void refusesAnAwsTimeoutThatIsNotAPositiveDuration(String timeout) {
        IllegalStateException e = assertStops(aws("aws-kms://" + ARN, null, timeout));
        assertTrue(e.getMessage().startsWith("KMS_SECRET_LOCK_AWS_TIMEOUT must be a positive duration"),
                e.getMessage());
    }

    // ---- helpers

    private static Map<String, String> passphrase(String iterations) {
        Map<String, String> settings = new HashMap<>();
        settings.put("kms.secret-lock.type", "passphrase");
        settings.put("kms.secret-lock.passphrase", PASSPHRASE);
        if (iterations != null) {
            settings.put("kms.secret-lock.pbkdf2-iterations", iterations);
        }
        return settings;
    }

    private static Map<String, String> hkdf(String secret) {
        Map<String, String> settings = new HashMap<>();
        settings.put("kms.secret-lock.type", "hkdf");
        if (secret != null) {
            settings.put("kms.secret-lock.hkdf-secret", secret);
        }
        return settings;
    }

    private static Map<String, String> aws(String keyUri, String endpoint, String timeout) {
        Map<String, String> settings = new HashMap<>();
        settings.put("kms.secret-lock.type", "aws");
        if (keyUri != null) {
            settings.put("kms.secret-lock.aws-key-uri", keyUri);
        }
        if (endpoint != null) {
            settings.put("kms.secret-lock.aws-endpoint", endpoint);
        }
        if (timeout != null) {
            settings.put("kms.secret-lock.aws-timeout", timeout);
        }
        return settings;
    }

    private static IllegalStateException assertStops(Map<String, String> settings) {
        return assertThrows(IllegalStateException.class, () -> MasterLockTestDouble.open(settings));
    }

    private static void assertStopsWith(Map<String, String> settings, String message) {
        assertEquals(message, assertStops(settings).getMessage());
    }

    @Test
    void aNewLockWithThePreviousOneOpensBothAndResealsOnlyWhatThePreviousSealed(@TempDir Path dir) throws Exception {
        Path keyA = dir.resolve("a.key");
        Path keyB = dir.resolve("b.key");
        MasterLock a = MasterLockTestDouble.open("local", keyA.toString(), true);
        byte[] underA = a.seal(new byte[] {7, 7}, AD);
        MasterLockTestDouble.open("local", keyB.toString(), true);
        MasterLock rotating = MasterLockTestDouble.open(Map.of("kms.secret-lock.key-path", keyB.toString(),
                "kms.secret-lock.previous.type", "local", "kms.secret-lock.previous.key-path", keyA.toString()));
        assertTrue(rotating.rotating());
        assertArrayEquals(new byte[] {7, 7}, rotating.unseal(underA, AD));

        byte[] underB = rotating.reseal(underA, AD).orElseThrow();
        assertTrue(rotating.reseal(underB, AD).isEmpty(), "what the current lock sealed stays as it is");
        MasterLock b = MasterLockTestDouble.open("local", keyB.toString(), false);
        assertArrayEquals(new byte[] {7, 7}, b.unseal(underB, AD));
        assertThrows(VerificationFailedException.class, () -> b.unseal(underA, AD));
        assertThrows(VerificationFailedException.class, () -> b.reseal(underA, AD), "no previous lock to open it");
        assertThrows(VerificationFailedException.class, () -> rotating.reseal(underA, "other".getBytes()));
    }
}
