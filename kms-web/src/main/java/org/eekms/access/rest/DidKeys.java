package org.eekms.access.rest;

import java.math.BigInteger;
import java.util.Arrays;
import org.eekms.problem.AccessDeniedException;

/**
 * Ed25519 {@code did:key} identifiers ({@code did:key:z6Mk…}, optionally {@code #z6Mk…}): multibase base58btc
 * ({@code z}) of the multicodec {@code ed25519-pub} prefix {@code 0xed 0x01} and the 32-byte public key.
 */
public final class DidKeys {

    private static final String PREFIX = "did:key:z";
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);
    private static final int MAX_LENGTH = 128;

    private DidKeys() {
    }

    /** The raw Ed25519 public key of a did:key (or did:key URL); 401 when it is not one. */
    public static byte[] ed25519PublicKey(String didKey) {
        if (didKey == null || didKey.length() > MAX_LENGTH || !didKey.startsWith(PREFIX)) {
            throw notEd25519();
        }
        int fragment = didKey.indexOf('#');
        String identifier = didKey.substring(PREFIX.length(), fragment < 0 ? didKey.length() : fragment);
        if (fragment >= 0 && !didKey.substring(fragment + 1).equals("z" + identifier)) {
            throw notEd25519();
        }
        byte[] decoded = base58(identifier);
        if (decoded.length != 34 || (decoded[0] & 0xff) != 0xed || decoded[1] != 0x01) {
            throw notEd25519();
        }
        return Arrays.copyOfRange(decoded, 2, 34);
    }

    /** The did:key of a raw Ed25519 public key. */
    public static String of(byte[] ed25519PublicKey) {
        byte[] bytes = new byte[34];
        bytes[0] = (byte) 0xed;
        bytes[1] = 0x01;
        System.arraycopy(ed25519PublicKey, 0, bytes, 2, 32);
        StringBuilder out = new StringBuilder();
        BigInteger value = new BigInteger(1, bytes);
        while (value.signum() > 0) {
            BigInteger[] division = value.divideAndRemainder(BASE);
            out.append(ALPHABET.charAt(division[1].intValue()));
            value = division[0];
        }
        for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
            out.append('1');
        }
        return PREFIX + out.reverse();
    }

    static byte[] base58(String text) {
        BigInteger value = BigInteger.ZERO;
        int leadingZeros = 0;
        boolean leading = true;
        for (char c : text.toCharArray()) {
            int digit = ALPHABET.indexOf(c);
            if (digit < 0) {
                throw notEd25519();
            }
            if (leading && digit == 0) {
                leadingZeros++;
            } else {
                leading = false;
            }
            value = value.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
        if (magnitude.length > 0 && magnitude[0] == 0) {
            magnitude = Arrays.copyOfRange(magnitude, 1, magnitude.length);
        }
        byte[] out = new byte[leadingZeros + magnitude.length];
        System.arraycopy(magnitude, 0, out, leadingZeros, magnitude.length);
        return out;
    }

    private static AccessDeniedException notEd25519() {
        return AccessDeniedException.unauthenticated("keyId must be an Ed25519 did:key");
    }
}
