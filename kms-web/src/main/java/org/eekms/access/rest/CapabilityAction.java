package org.eekms.access.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The ZCAP-LD action a resource method performs on its keystore ({@code {keystore}} path parameter), as TrustBloc's
 * server names it: in {@code zcap} mode a request reaches the method only with a capability allowing this action.
 * A method without it is not open to capabilities at all (administration, for instance).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CapabilityAction {

    String value();

    /** TrustBloc's actions (webkms {@code allActions}) and ours for the routes it does not have. */
    String[] ALL = {"createKey", "exportKey", "importKey", "rotateKey", "sign", "verify", "computeMAC", "verifyMAC",
        "encrypt", "decrypt", "easy", "easyOpen", "sealOpen", "signMulti", "verifyMulti", "deriveProof",
        "verifyProof", "wrap", "unwrap", "blind", "correctnessProof", "signWithSecrets",
        "deleteKey", "listKeys", "readKeystore"};

    /** The actions that change state, whose signed requests are accepted once. */
    java.util.Set<String> STATE_CHANGING = java.util.Set.of("createKey", "importKey", "rotateKey", "deleteKey");
}
