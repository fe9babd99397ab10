package org.eekms.secretlock.control;

/**
 * What a keystore stores about its lock: the lock type, its public parameters (JSON, shown in metadata) and its
 * secret, sealed so that the database alone cannot open it.
 */
public record SealedLock(String type, String publicParameters, byte[] sealedSecret) {

    @Override
    public String toString() {
        return "SealedLock[" + type + "]";
    }
}
