package org.eekms.access.rest;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eekms.access.control.AccessPolicy;
import org.eekms.problem.AccessDeniedException;

/**
 * The state of {@code zcap} mode that outlives a request: the signatures already seen, the delegation proofs already
 * verified, and the settings ({@code KMS_ZCAP_CLOCK_SKEW_SECONDS}, {@code KMS_ZCAP_MAX_AGE_SECONDS},
 * {@code KMS_ZCAP_CREATORS}).
 */
@ApplicationScoped
public class ZcapVerification {

    private static final Logger LOG = Logger.getLogger(ZcapVerification.class.getName());

    @Inject
    AccessPolicy policy;

    @Inject
    @ConfigProperty(name = "kms.zcap.clock-skew-seconds", defaultValue = "30")
    long clockSkewSeconds;

    @Inject
    @ConfigProperty(name = "kms.zcap.max-age-seconds", defaultValue = "60")
    long maxAgeSeconds;

    @Inject
    @ConfigProperty(name = "kms.zcap.creators")
    Optional<String> creators; // a comma-separated list (Payara cannot inject Optional<List<String>>)

    private SignedRequests signedRequests;
    private Capabilities capabilities;
    private Set<String> creatorDids;

    @PostConstruct
    void start() {
        signedRequests = new SignedRequests(Clock.systemUTC(), clockSkewSeconds, maxAgeSeconds);
        capabilities = new Capabilities(Clock.systemUTC());
        creatorDids = creators.map(list -> Set.copyOf(Arrays.stream(list.split(",")).map(ZcapVerification::did)
                .filter(did -> !did.isEmpty()).toList())).orElse(Set.of());
        for (String creator : creatorDids) {
            DidKeys.ed25519PublicKey(creator);
        }
    }

    /** Warns at startup when zcap mode leaves keystore creation open, so that it is a visible choice. */
    void announce(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (policy.mode() == AccessPolicy.Mode.ZCAP && creatorDids.isEmpty()) {
            LOG.warning("KMS_AUTH_TYPE=zcap with KMS_ZCAP_CREATORS unset: anyone who can reach this server may "
                    + "create keystores (each only for the controller it names)");
        }
    }

    /** The did:key that signed a capability invocation, once its HTTP signature verifies. */
    String invoker(String method, String pathAndQuery, Function<String, String> header, byte[] body, String action) {
        return signedRequests.verify(SignedRequests.INVOCATION, method, pathAndQuery, header, body,
                CapabilityAction.STATE_CHANGING.contains(action)).keyId();
    }

    /** The principal (a controller's did:key) on whose authority a verified invoker acts. */
    String principal(String invoker, String invocationHeader, String keystoreId, String action) {
        return capabilities.authorize(invoker, CapabilityInvocation.parse(invocationHeader), keystoreId, action);
    }

    /** A keystore creation: free unless creators are listed; then signed by one of them. Returns the signer. */
    String creation(String method, String pathAndQuery, Function<String, String> header, byte[] body) {
        if (creatorDids.isEmpty()) {
            return null;
        }
        if (header.apply("signature") == null) {
            throw AccessDeniedException.unauthenticated("keystore creation must be signed by a did:key listed in "
                    + "KMS_ZCAP_CREATORS");
        }
        HttpSignature signature = signedRequests.verify(SignedRequests.CREATION, method, pathAndQuery, header, body,
                true);
        if (!creatorDids.contains(did(signature.keyId()))) {
            throw AccessDeniedException.forbidden("this did:key may not create keystores");
        }
        return signature.keyId();
    }

    boolean restrictsCreation() {
        return !creatorDids.isEmpty();
    }

    private static String did(String keyId) {
        String trimmed = keyId.trim();
        int fragment = trimmed.indexOf('#');
        return fragment < 0 ? trimmed : trimmed.substring(0, fragment);
    }
}
