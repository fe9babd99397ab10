package org.eekms.crypto.internal;

import static org.eekms.crypto.TestData.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eekms.crypto.SecretAead;
import org.eekms.crypto.SecretAeads;
import org.eekms.problem.UnavailableException;
import org.eekms.problem.VerificationFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The AWS KMS lock through the real AWS SDK, against {@link FakeAwsKms} on the loopback interface. */
class AwsKmsAeadTest {

    private static final String ARN = "arn:aws:kms:us-east-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String KEY_URI = "aws-kms://" + ARN;
    private static final byte[] PLAINTEXT = utf8("a keystore main key, 32 bytes..");
    private static final byte[] AAD = utf8("eekms:keystore-main-key:ks1");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final List<String> PROPERTIES =
            List.of("aws.accessKeyId", "aws.secretAccessKey", "aws.disableEc2Metadata");

    private FakeAwsKms kms;
    private final List<AutoCloseable> opened = new ArrayList<>();

    /** The SDK's default chain finds these first; instance metadata is off so nothing ever leaves the machine. */
    @BeforeAll
    static void credentials() {
        System.setProperty("aws.accessKeyId", "AKIAIOSFODNN7EXAMPLE");
        System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    @AfterAll
    static void forgetCredentials() {
        PROPERTIES.forEach(System::clearProperty);
    }

    @BeforeEach
    void startKms() throws IOException {
        kms = FakeAwsKms.start(ARN);
    }

    @AfterEach
    void stopKms() throws Exception {
        for (AutoCloseable aead : opened) {
            aead.close();
        }
        kms.close();
    }

    private SecretAead lock(Duration timeout) {
        return lock(KEY_URI, kms.endpoint(), timeout);
    }

    private SecretAead lock(String keyUri, URI endpoint, Duration timeout) {
        SecretAead aead = SecretAeads.awsKms(keyUri, Optional.of(endpoint), timeout);
        opened.add((AutoCloseable) aead);
        return aead;
    }

    @Test
    void roundTripsThroughKmsEncryptAndDecrypt() {
        SecretAead aead = lock(TIMEOUT);
        byte[] sealed = aead.encrypt(PLAINTEXT, AAD);
        assertArrayEquals(PLAINTEXT, aead.decrypt(sealed, AAD));
        assertArrayEquals(PLAINTEXT, aead.decrypt(aead.encrypt(PLAINTEXT, new byte[0]), new byte[0]));

        FakeAwsKms.Request encrypt = kms.requests().get(0);
        assertEquals("TrentService.Encrypt", encrypt.target());
        assertEquals("TrentService.Decrypt", kms.requests().get(1).target());
        assertEquals(FakeAwsKms.JSON_1_1, encrypt.contentType());
        assertEquals(ARN, encrypt.body().getString("KeyId"));
        assertArrayEquals(PLAINTEXT, Base64.getDecoder().decode(encrypt.body().getString("Plaintext")));
    }

    @Test
    void theSdkSignsEachRequestWithSigV4ForTheRegionOfTheArn() {
        lock(TIMEOUT).encrypt(PLAINTEXT, AAD);
        FakeAwsKms.Request request = kms.requests().get(0);
        assertNotNull(request.authorization(), "Authorization header");
        assertTrue(request.authorization().startsWith("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/"),
                request.authorization());
        assertTrue(request.authorization().contains("/us-east-2/kms/aws4_request"), request.authorization());
        assertTrue(request.authorization().contains("Signature="), request.authorization());
        assertFalse(request.authorization().contains("wJalrXUtnFEMI"), "the secret key is never sent");
        assertNotNull(request.amzDate(), "X-Amz-Date header");
    }

    @Test
    void theAssociatedDataIsTheEncryptionContext() {
        SecretAead aead = lock(TIMEOUT);
        aead.decrypt(aead.encrypt(PLAINTEXT, AAD), AAD);
        String expected = Base64.getEncoder().encodeToString(AAD);
        for (FakeAwsKms.Request request : kms.requests()) {
            assertEquals(expected, request.body().getJsonObject("EncryptionContext").getString("eekms-ad"));
        }
    }

    @Test
    void wrongAssociatedDataFailsAsVerification() {
        SecretAead aead = lock(TIMEOUT);
        byte[] sealed = aead.encrypt(PLAINTEXT, AAD);
        assertDecryptionFails(() -> aead.decrypt(sealed, utf8("eekms:keystore-main-key:ks2")));
        assertDecryptionFails(() -> aead.decrypt(sealed, new byte[0]));
    }

    @Test
    void aCiphertextKmsDoesNotKnowFailsAsVerification() {
        SecretAead aead = lock(TIMEOUT);
        byte[] sealed = aead.encrypt(PLAINTEXT, AAD);
        sealed[3] ^= 1;
        assertDecryptionFails(() -> aead.decrypt(sealed, AAD));
        assertDecryptionFails(() -> aead.decrypt(new byte[0], AAD));
        assertDecryptionFails(() -> aead.decrypt(new byte[6145], AAD));
    }

    @Test
    void anotherKeyFailsAsVerification() {
        byte[] sealed = lock(TIMEOUT).encrypt(PLAINTEXT, AAD);
        SecretAead other = lock(KEY_URI.replace("1234abcd", "5678abcd"), kms.endpoint(), TIMEOUT);
        assertDecryptionFails(() -> other.decrypt(sealed, AAD));
    }

    @Test
    void invalidCiphertextFromKmsIsAVerificationFailure() {
        SecretAead aead = lock(TIMEOUT);
        byte[] sealed = aead.encrypt(PLAINTEXT, AAD);
        kms.failWith(400, "InvalidCiphertextException");
        assertDecryptionFails(() -> aead.decrypt(sealed, AAD));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AccessDeniedException", "NotFoundException", "DisabledException",
        "KMSInvalidStateException", "KeyUnavailableException", "UnrecognizedClientException"})
    void awsErrorsMakeKmsUnavailable(String type) {
        SecretAead aead = lock(TIMEOUT);
        byte[] sealed = aead.encrypt(PLAINTEXT, AAD);
        kms.failWith(400, type);

        UnavailableException onEncrypt = assertThrows(UnavailableException.class, () -> aead.encrypt(PLAINTEXT, AAD));
        UnavailableException onDecrypt = assertThrows(UnavailableException.class, () -> aead.decrypt(sealed, AAD));

        for (UnavailableException e : List.of(onEncrypt, onDecrypt)) {
            assertTrue(e.getMessage().startsWith("AWS KMS "), e.getMessage());
            assertTrue(e.getMessage().contains(type), e.getMessage());
            assertFalse(e.getMessage().contains("fake AWS KMS says"), "not AWS's message: " + e.getMessage());
            assertEquals(UnavailableException.Kind.UNAVAILABLE, e.kind());
        }
    }

    @Test
    void aServerErrorIsRetriedThenMakesKmsUnavailable() {
        SecretAead aead = lock(TIMEOUT);
        kms.failWith(500, "KMSInternalException");
        UnavailableException e = assertThrows(UnavailableException.class, () -> aead.encrypt(PLAINTEXT, AAD));
        assertTrue(e.getMessage().contains("AWS KMS"), e.getMessage());
        assertTrue(kms.requests().size() > 1, "retried: " + kms.requests().size());
    }

    @Test
    void throttlingIsRetriedWithinTheTimeoutThenMakesKmsUnavailable() {
        SecretAead aead = lock(Duration.ofSeconds(2));
        kms.failWith(400, "ThrottlingException");
        long start = System.nanoTime();
        UnavailableException e = assertThrows(UnavailableException.class, () -> aead.encrypt(PLAINTEXT, AAD));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        // the SDK backs off with jitter: it gives up on its own or when the timeout ends its retries
        assertTrue(e.getMessage().equals("AWS KMS refused the request (ThrottlingException)")
                || e.getMessage().equals("AWS KMS did not answer within 2000 ms"), e.getMessage());
        assertTrue(kms.requests().size() > 1, "retried: " + kms.requests().size());
        assertTrue(took.compareTo(Duration.ofSeconds(4)) < 0, "took " + took);
    }

    @Test
    void aKmsThatNeverAnswersFailsWithinTheTimeout() {
        SecretAead aead = lock(Duration.ofSeconds(1));
        kms.answerNothing();
        long start = System.nanoTime();
        UnavailableException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(UnavailableException.class, () -> aead.encrypt(PLAINTEXT, AAD)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(e.getMessage().contains("AWS KMS did not answer within 1000 ms"), e.getMessage());
        assertTrue(took.compareTo(Duration.ofMillis(900)) >= 0, "took " + took);
        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "took " + took);
    }

    @Test
    void aKmsThatCannotBeReachedIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        SecretAead aead = lock(KEY_URI, URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(3));
        UnavailableException e = assertTimeoutPreemptively(Duration.ofSeconds(6),
                () -> assertThrows(UnavailableException.class, () -> aead.encrypt(PLAINTEXT, AAD)));
        assertTrue(e.getMessage().startsWith("AWS KMS "), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ARN, "aws-kms://", "aws-kms://arn:aws:s3:::bucket/key",
        "aws-kms://arn:aws:kms:us-east-2:111122223333:key/", "aws-kms://arn:aws:kms::111122223333:key/abc",
        "aws-kms://arn:aws:kms:us-east-2:1111:key/abc", "gcp-kms://projects/p/locations/l/keyRings/r/cryptoKeys/k"})
    void refusesKeyUrisThatAreNotAwsKmsKeys(String keyUri) {
        assertThrows(IllegalArgumentException.class,
                () -> SecretAeads.awsKms(keyUri, Optional.empty(), TIMEOUT));
    }

    @Test
    void acceptsAliasesAndOtherPartitionsAndNeedsNoEndpoint() throws Exception {
        for (String uri : List.of(KEY_URI, "aws-kms://arn:aws:kms:eu-west-1:111122223333:alias/eekms-master",
                "aws-kms://arn:aws-cn:kms:cn-north-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab")) {
            SecretAead aead = SecretAeads.awsKms(uri, Optional.empty(), TIMEOUT);
            assertInstanceOf(AutoCloseable.class, aead);
            assertTrue(aead.toString().contains(uri.substring("aws-kms://".length())), aead.toString());
            ((AutoCloseable) aead).close();
        }
    }

    @Test
    void refusesABadEndpointOrTimeout() {
        assertThrows(IllegalArgumentException.class,
                () -> SecretAeads.awsKms(KEY_URI, Optional.of(URI.create("ftp://127.0.0.1/")), TIMEOUT));
        assertThrows(IllegalArgumentException.class,
                () -> SecretAeads.awsKms(KEY_URI, Optional.of(URI.create("/relative")), TIMEOUT));
        assertThrows(IllegalArgumentException.class,
                () -> SecretAeads.awsKms(KEY_URI, Optional.empty(), Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> SecretAeads.awsKms(KEY_URI, Optional.empty(), Duration.ofSeconds(-1)));
    }

    private static void assertDecryptionFails(org.junit.jupiter.api.function.Executable decryption) {
        VerificationFailedException e = assertThrows(VerificationFailedException.class, decryption);
        assertEquals("decryption_failed", e.code());
    }
}
