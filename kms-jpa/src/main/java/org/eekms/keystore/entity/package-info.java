/**
 * What the keystore feature persists. Entities hold ids, types, timestamps and sealed bytes only: no plain key
 * material ever reaches them. They never leave the EJB module; the web module cannot even import them.
 */
package org.eekms.keystore.entity;
