package org.eekms.keystore.boundary;

import java.util.List;

/** A BBS+ signature and the messages it is claimed to sign, in order (an item of a batch verifymulti). */
public record SignedMessages(byte[] signature, List<byte[]> messages) {
}
