/**
 * The KMS's one exception hierarchy. It lives beside the crypto code (not in the EJB module) because the crypto
 * code is the first to know that a signature failed to verify or an import was malformed; it depends on no HTTP
 * type, and the web module maps it to statuses in one place.
 */
package org.eekms.problem;
