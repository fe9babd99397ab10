/**
 * Cryptography behind small interfaces: {@link org.eekms.crypto.Keyset} (the key versions of one key),
 * {@link org.eekms.crypto.KeyOperations} (its primitives), {@link org.eekms.crypto.SecretAead} (what locks and
 * keystore keys are), {@link org.eekms.crypto.SecretBytes}. Only this package and its {@code internal} package touch
 * Tink and BouncyCastle; the EJB module does not even have them on its compile path.
 *
 * <p>Providers are passed as instances or used through their lightweight APIs, never looked up by name, because
 * WildFly registers an older BouncyCastle under the name "BC".
 */
package org.eekms.crypto;
