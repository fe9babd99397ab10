package org.eekms.keystore.control;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eekms.problem.InvalidRequestException;

/** The ids the KMS hands out, shaped as TrustBloc's (webkms reference §2 and §4.3). */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BASE32_HEX = "0123456789abcdefghijklmnopqrstuv".toCharArray();
    /** A requested key id must be one URL path segment; the client takes the text after the last '/'. */
    private static final Pattern REQUESTED_KEY_ID = Pattern.compile("[A-Za-z0-9._~:@!$&'()*+,;=-]{1,128}");

    private Ids() {
    }

    /** 20 lowercase base32hex characters, like the xid TrustBloc uses: a 4-byte time, then 8 random bytes. */
    public static String newKeystoreId() {
        byte[] id = new byte[12];
        RANDOM.nextBytes(id);
        long seconds = System.currentTimeMillis() / 1000;
        id[0] = (byte) (seconds >>> 24);
        id[1] = (byte) (seconds >>> 16);
        id[2] = (byte) (seconds >>> 8);
        id[3] = (byte) seconds;
        return base32Hex(id);
    }

    /** 37 random bytes, base64url without padding (50 characters): ids of symmetric and imported keys. */
    public static String newKeyId() {
        byte[] id = new byte[37];
        RANDOM.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    public static String newKeysetId() {
        return UUID.randomUUID().toString();
    }

    public static String requestedKeyId(String keyId) {
        if (!REQUESTED_KEY_ID.matcher(keyId).matches()) {
            throw new InvalidRequestException("key_id must be 1 to 128 URL path characters, without '/'");
        }
        return keyId;
    }

    static String base32Hex(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32_HEX[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32_HEX[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }
}
