package org.eekms.access.rest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eekms.problem.AccessDeniedException;

/**
 * Decides whether a ZCAP-LD capability lets the key that signed a request perform an action on a keystore, and on
 * whose authority: the returned principal is the did:key the authority comes from, which must be the keystore's
 * controller (its owner) for the request to go on.
 *
 * <ul>
 * <li>The keystore's root capability (no {@code parentCapability}): its {@code id} names the keystore and its
 *     invoker signed the request, so the principal is that invoker. Its proof is not what makes it valid; the
 *     owner's key is, so a root forged by anyone else grants nothing.</li>
 * <li>A capability delegated from the root ({@code parentCapability} = the root's id): its
 *     {@code capabilityDelegation} proof, with {@code capabilityChain} = [root id], must verify, and its
 *     invoker signed the request; the principal is the delegator, the proof's signer, which TrustBloc's server
 *     never checks against anything. Chains through intermediate capabilities need those capabilities, which
 *     TrustBloc's clients do not send and this server does not store, so they are refused.</li>
 * </ul>
 * In both, the action must be in {@code allowedAction} (an empty list allows all, as in TrustBloc), and the
 * capability must not have expired: {@code expires} (a signed {@code sec:expiration}) or TrustBloc's {@code expiry}
 * caveat ({@code duration} seconds after the proof's {@code created}; caveats are not JSON-LD terms, so a proof does
 * not cover them and whoever holds the capability can remove one). A capability with an unknown caveat is refused.
 *
 * <p>Verified delegation proofs are cached by the SHA-256 of the capability's JSON, so a hot capability costs one
 * hash, not a JSON-LD canonicalisation.
 */
public final class Capabilities {

    private static final String KEYSTORES = "/v1/keystores/";

    private final Clock clock;
    private final Cache<ByteBuffer, String> verifiedDelegators = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterAccess(Duration.ofMinutes(10)).build();

    public Capabilities(Clock clock) {
        this.clock = clock;
    }

    /** The principal the invocation acts for, or 403 (401 for a capability that is not well formed). */
    public String authorize(String signer, CapabilityInvocation invocation, String keystoreId, String action) {
        if (!action.equals(invocation.action())) {
            throw AccessDeniedException.forbidden("this route needs a capability invoked for " + action + ", not "
                    + invocation.action());
        }
        JsonObject capability = invocation.capability();
        if (!LinkedDataProofs.SECURITY_V2.equals(LinkedDataProofs.string(capability, "@context"))) {
            throw malformed("its @context must be " + LinkedDataProofs.SECURITY_V2);
        }
        String id = required(capability, "id");
        List<String> actions = strings(capability, "allowedAction");
        if (!actions.isEmpty() && !actions.contains(action)) {
            throw AccessDeniedException.forbidden("the capability does not allow " + action);
        }
        String parent = LinkedDataProofs.string(capability, "parentCapability");
        String principal;
        if (parent == null) {
            requireKeystore(id, keystoreId);
            principal = signer;
        } else {
            if (!parent.endsWith(KEYSTORES + keystoreId)) {
                throw AccessDeniedException.forbidden("the capability is not delegated from this keystore's root "
                        + "capability; chains through intermediate capabilities are not accepted");
            }
            if (parent.equals(id)) {
                throw malformed("it names itself as its parent");
            }
            principal = delegator(capability, invocation.json(), parent);
        }
        String invoker = invoker(capability);
        if (!signer.equals(invoker)) {
            throw AccessDeniedException.forbidden("the request is not signed by the capability's invoker");
        }
        checkExpiry(capability);
        return principal;
    }

    /** The signer of the proof that delegates this capability from the root, checked once per capability. */
    private String delegator(JsonObject capability, byte[] json, String root) {
        ByteBuffer digest = ByteBuffer.wrap(LinkedDataProofs.sha256(json));
        String cached = verifiedDelegators.getIfPresent(digest);
        if (cached != null) {
            return cached;
        }
        JsonObject proof = delegationProof(capability, root);
        JsonObject document = jakarta.json.Json.createObjectBuilder(capability).remove("proof").build();
        String delegator = LinkedDataProofs.verify(document, proof);
        verifiedDelegators.put(digest, delegator);
        return delegator;
    }

    private static JsonObject delegationProof(JsonObject capability, String root) {
        JsonValue proofs = capability.get("proof");
        List<JsonObject> candidates = new ArrayList<>();
        if (proofs instanceof JsonObject single) {
            candidates.add(single);
        } else if (proofs instanceof JsonArray array) {
            array.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).forEach(candidates::add);
        }
        for (JsonObject proof : candidates) {
            List<String> chain = strings(proof, "capabilityChain");
            if ("capabilityDelegation".equals(LinkedDataProofs.string(proof, "proofPurpose"))
                    && chain.equals(List.of(root))) {
                return proof;
            }
        }
        throw malformed("it has no capabilityDelegation proof whose capabilityChain is [parentCapability]");
    }

    /** {@code invoker}, or {@code controller} when there is none (as in TrustBloc). */
    private static String invoker(JsonObject capability) {
        String invoker = LinkedDataProofs.string(capability, "invoker");
        if (invoker == null) {
            invoker = LinkedDataProofs.string(capability, "controller");
        }
        if (invoker == null) {
            throw malformed("it names no invoker");
        }
        return invoker;
    }

    private void checkExpiry(JsonObject capability) {
        Instant now = clock.instant();
        String expires = LinkedDataProofs.string(capability, "expires");
        if (expires != null && now.isAfter(instant(expires, "expires"))) {
            throw AccessDeniedException.forbidden("the capability has expired");
        }
        JsonValue caveats = capability.get("caveats");
        if (caveats == null || caveats.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        if (!(caveats instanceof JsonArray list)) {
            throw malformed("its caveats must be an array");
        }
        for (JsonValue value : list) {
            if (!(value instanceof JsonObject caveat) || !"expiry".equals(LinkedDataProofs.string(caveat, "type"))
                    || !(caveat.get("duration") instanceof JsonNumber duration) || !duration.isIntegral()
                    || duration.longValue() < 0) {
                throw AccessDeniedException.forbidden("the capability has a caveat this server does not know");
            }
            Instant created = instant(firstProofCreated(capability), "its proof's created");
            if (now.getEpochSecond() > created.getEpochSecond() + duration.longValue()) {
                throw AccessDeniedException.forbidden("the capability has expired");
            }
        }
    }

    private static String firstProofCreated(JsonObject capability) {
        JsonValue proofs = capability.get("proof");
        JsonObject first = proofs instanceof JsonArray array && !array.isEmpty()
                && array.get(0) instanceof JsonObject object ? object
                : proofs instanceof JsonObject single ? single : null;
        String created = first == null ? null : LinkedDataProofs.string(first, "created");
        if (created == null) {
            throw malformed("an expiry caveat needs a proof with created");
        }
        return created;
    }

    private static void requireKeystore(String capabilityId, String keystoreId) {
        if (!capabilityId.endsWith(KEYSTORES + keystoreId)) {
            throw AccessDeniedException.forbidden("the capability is not for this keystore");
        }
    }

    private static Instant instant(String text, String what) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw malformed(what + " is not an RFC 3339 date-time");
        }
    }

    private static String required(JsonObject object, String name) {
        String value = LinkedDataProofs.string(object, name);
        if (value == null || value.isEmpty()) {
            throw malformed("it has no " + name);
        }
        return value;
    }

    private static List<String> strings(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)
                || !array.stream().allMatch(JsonString.class::isInstance)) {
            throw malformed(name + " must be an array of strings");
        }
        return array.getValuesAs(JsonString::getString);
    }


    private static AccessDeniedException malformed(String what) {
        return AccessDeniedException.unauthenticated("the capability is not valid: " + what);
    }
}
