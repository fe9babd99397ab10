package org.eekms.access.rest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.eekms.crypto.KeyOperations;
import org.eekms.crypto.KeyType;
import org.eekms.crypto.Keyset;
import org.eekms.problem.AccessDeniedException;
import org.eekms.problem.KmsException;

/**
 * Checks the HTTP signature of a capability invocation, stricter than TrustBloc's server, which accepts whatever
 * list of headers the client chose to sign: the signature must cover {@code (request-target)}, {@code host},
 * {@code capability-invocation}, {@code (created)} and, for a request with a body, {@code digest}, whose SHA-256
 * must match the body; {@code created} may not lie more than the skew in the future nor more than the maximum age
 * in the past, and {@code expires}, when given, not in the past. So a signed request cannot be replayed to another
 * route, another host, with another capability or body, or much later. A request that changes state
 * ({@code singleUse}) is accepted once: replaying it is refused on the node that saw it (nodes do not share what they
 * have seen). Other requests may repeat within the accepted age, because Ed25519 signatures are deterministic and a
 * client that asks the same thing twice in one second sends the very same signature; such a replay can only obtain
 * again the answer its original got.
 */
public final class SignedRequests {

    /** What the signature of a capability invocation must cover. */
    public static final List<String> INVOCATION = List.of("(request-target)", "host", "capability-invocation",
            "(created)");
    /** What the signature of a keystore creation must cover when creation is restricted. */
    public static final List<String> CREATION = List.of("(request-target)", "host", "(created)");

    private final Clock clock;
    private final long skewSeconds;
    private final long maxAgeSeconds;
    /** Verifiers by did:key, so a known invoker costs no base58 decoding or key import per request. */
    private final Cache<String, KeyOperations> verifiers = Caffeine.newBuilder().maximumSize(10_000).build();
    /** Signatures seen within the accepted age: a signed request is good for one use. */
    private final Cache<ByteBuffer, Boolean> seen;

    public SignedRequests(Clock clock, long skewSeconds, long maxAgeSeconds) {
        this.clock = clock;
        this.skewSeconds = skewSeconds;
        this.maxAgeSeconds = maxAgeSeconds;
        this.seen = Caffeine.newBuilder().maximumSize(1_000_000)
                .expireAfterWrite(Duration.ofSeconds(maxAgeSeconds + 2 * skewSeconds)).build();
    }

    /**
     * Returns the verified signature (its {@code keyId} is the invoker) or throws 401. {@code header} gives a request
     * header's value, or null.
     */
    public HttpSignature verify(List<String> required, String method, String pathAndQuery,
            Function<String, String> header, byte[] body, boolean singleUse) {
        HttpSignature signature = HttpSignature.parse(header.apply("signature"));
        for (String name : required) {
            if (!signature.covers(name)) {
                throw denied("the signature must cover " + String.join(", ", required)
                        + " and, with a body, digest");
            }
        }
        boolean hasBody = body != null && body.length > 0;
        if (hasBody) {
            if (!signature.covers("digest")) {
                throw denied("the signature must cover digest when the request has a body");
            }
            checkDigest(header.apply("digest"), body);
        }
        long now = clock.instant().getEpochSecond();
        if (signature.created() > now + skewSeconds || signature.created() < now - maxAgeSeconds) {
            throw denied("the signature was not created within the accepted time");
        }
        if (signature.expires() != null && signature.expires() < now - skewSeconds) {
            throw denied("the signature has expired");
        }
        KeyOperations verifier = verifiers.get(signature.keyId(),
                keyId -> Keyset.importPublicKey(KeyType.ED25519, DidKeys.ed25519PublicKey(keyId)).operations());
        byte[] signed = signature.signingString(method, pathAndQuery, header);
        try {
            verifier.verify(signature.signature(), signed);
        } catch (KmsException e) {
            throw denied("the signature does not verify");
        }
        if (singleUse && seen.asMap().putIfAbsent(ByteBuffer.wrap(signature.signature()), Boolean.TRUE) != null) {
            throw denied("this signed request was already used; sign each request afresh");
        }
        return signature;
    }

    /** {@code Digest: SHA-256=<base64>} of the body. */
    private static void checkDigest(String digest, byte[] body) {
        String prefix = "SHA-256=";
        if (digest == null || !digest.regionMatches(true, 0, prefix, 0, prefix.length())) {
            throw denied("a Digest header SHA-256=<base64> of the body is required");
        }
        byte[] claimed;
        try {
            claimed = Base64.getDecoder().decode(digest.substring(prefix.length()).trim());
        } catch (IllegalArgumentException e) {
            throw denied("the Digest header is not standard base64");
        }
        if (!MessageDigest.isEqual(claimed, LinkedDataProofs.sha256(body))) {
            throw denied("the Digest header does not match the body");
        }
    }

    private static AccessDeniedException denied(String message) {
        return AccessDeniedException.unauthenticated(message);
    }
}
