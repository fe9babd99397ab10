package org.eekms.crypto.internal.bbs;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Known answers made by AFGo's {@code bbs12381g2pub} (Go, kilic/bls12-381), copied as data from
 * hyperledger/aries-framework-go {@code component/kmscrypto/crypto/primitive/bbs12381g2pub/} (the same vectors sat in
 * {@code pkg/crypto/primitive/bbs12381g2pub/} before AFGo's 2023 split): {@code bbs_test.go}, {@code keys_test.go}
 * and {@code signature_test.go}.
 */
public final class GoVectors {

    private GoVectors() {
    }

    public static final List<byte[]> TWO_MESSAGES = messages("message1", "message2");
    public static final List<byte[]> FOUR_MESSAGES = messages("message1", "message2", "message3", "message4");
    public static final byte[] NONCE = utf8("nonce");

    /** bbs_test.go TestBlsG2Pub_Verify: a signature over message1, message2. */
    public static final byte[] VERIFY_PUBLIC_KEY = base64(
            "lOpN7uGZWivVIjs0325N/V0dAhoPomrgfXVpg7pZNdRWwFwJDVxoE7TvRyOx/Qr7GMtShNuS2Px/oScD+SMf08t8eAO78QRNErPzwNpfkP4ppcSTShStFDfFbsv9L9yb");
    public static final byte[] VERIFY_SIGNATURE = base64(
            "hPbLkeMZZ6KKzkjWoTVHeMeuLJfYWjmdAU1Vg5fZ/VZnIXxxeXBB+q0/EL8XQmWkOMMwEGA/D2dCb4MDuntKZpvHEHlvaFR6l1A4bYj0t2Jd6bYwGwCwirNbmSeIoEmJeRzJ1cSvsL+jxvLixdDPnw==");

    /** bbs_test.go TestBBSG2Pub_VerifyProof: message1 of message1, message2 revealed, nonce "nonce". */
    public static final byte[] PROOF_PUBLIC_KEY = base64(
            "sVEbbh9jDPGSBK/oT/EeXQwFvNuC+47rgq9cxXKrwo6G7k4JOY/vEcfgZw9Vf/TpArbIdIAJCFMDyTd7l2atS5zExAKX0B/9Z3E/mgIZeQJ81iZ/1HUnUCT2Om239KFx");
    public static final byte[] PROOF = base64(
            "AAIBiN4EL9psRsIUlwQah7a5VROD369PPt09Z+jfzamP+/114a5RfWVMju3NCUl2Yv6ahyIdHGdEfxhC985ShlGQrRPLa+crFRiu2pfnAk+L6QMNooVMQhzJc2yYgktHen4QhsKV3IGoRRUs42zqPTP3BdqIPQeLgjDVi1d1LXEnP+WFQGEQmTKWTja4u1MsERdmAAAAdIb6HuFznhE3OByXN0Xp3E4hWQlocCdpExyNlSLh3LxK5duCI/WMM7ETTNS0Ozxe3gAAAAIuALkiwplgKW6YmvrEcllWSkG3H+uHEZzZGL6wq6Ac0SuktQ4n84tZPtMtR9vC1Rsu8f7Kwtbq1Kv4v02ct9cvj7LGcitzg3u/ZO516qLz+iitKeGeJhtFB8ggALcJOEsebPFl12cYwkieBbIHCBt4AAAAAxgEHt3iqKIyIQbTYJvtrMjGjT4zuimiZbtE3VXnqFmGaxVTeR7dh89PbPtsBI8LLMrCvFFpks9D/oTzxnw13RBmMgMlc1bcfQOmE9DZBGB7NCdwOnT7q4TVKhswOITKTQ==");
    /** The same test's "payload revealed bigger from messages": 12 revealed messages claimed. */
    public static final byte[] PROOF_REVEALING_TOO_MANY = base64(
            "AAwP/4nFun/RtaXtUVTppUimMRTcEROs3gbjh9iqjGQAsvD+ne2uzME26gY4zNBcMKpvyLD4I6UGm8ATKLQI4OUiBXHNCQZI4YEM5hWI7AzhFXLEEVDFL0Gzr4S04PvcJsmV74BqST8iI1HUO2TCjdT1LkhgPabP/Zy8IpnbWUtLZO1t76NFwCV8+R1YpOozTNKRQQAAAHSpyGry6Rx3PRuOZUeqk4iGFq67iHSiBybjo6muud7aUyCxd9AW3onTlV2Nxz8AJD0AAAACB3FmuAUcklAj5cdSdw7VY57y7p4VmfPCKaEp1SSJTJRZXiE2xUqDntend+tkq+jjHhLCk56zk5GoZzr280IeuLne4WgpB2kNN7n5dqRpy4+UkS5+kiorLtKiJuWhk+OFTiB8jFlTbm0dH3O3tm5CzQAAAAIhY6I8vQ96tdSoyGy09wEMCdWzB06GElVHeQhWVw8fukq1dUAwWRXmZKT8kxDNAlp2NS7fXpEGXZ9fF7+c1IJp");

    /** bbs_test.go TestBBSG2Pub_VerifyProof_SeveralDisclosedMessages: message1 and message3 of four revealed. */
    public static final byte[] SEVERAL_PUBLIC_KEY = base64(
            "l0Wtf3gy5f140G5vCoCJw2420hwk6Xw65/DX3ycv1W7/eMky8DyExw+o1s2bmq3sEIJatkiN8f5D4k0766x0UvfbupFX+vVkeqnlOvT6o2cag2osQdMFbBQqAybOM4Gm");
    public static final byte[] SEVERAL_PROOF = base64(
            "AAQFpAE2VALtmriOzSMk/oqid4uJhPQRUVUuyenL/L4w4ykdyh0jCX64EFqCdLP+n8VrkOKXhHPKPoCOdHBOMv96aM15NFg867/MToMeNN0IFzZkzhs37qk1vWWFKReMF+cRsCAmkHO6An1goNHdY/4XquSV3LwykezraWt8+8bLvVn6ciaXBVxVcYkbIXRsVjqbAAAAdIl/C/W5G1pDbLMrUrBAYdpvzGHG25gktAuUFZb/SkIyy0uhtWJk2v6A+D3zkoEBsgAAAAJY/jfJR9kpGbSY5pfz+qPkqyNOTJbs6OEpfBwYGsyC7hspvBGUOYyvuKlS8SvKAXW7hVawAhYJbvnRwzeiP6P9kbZKtLQZIkRQB+mxRSbMk/0JgE1jApHOlPtgbqI9yIouhK9xT2wVZl79qTAwifonAAAABDTDo5VtXR2gloy+au7ai0wcnnzjMJ6ztQHRI1ApV5VuOQ19TYL7SW+C90p3QSZFQ5gtl90PHaUuEAHIb+7ZgbJvh5sc1DjKfThwPx0Ao0w8+xTbLhNlxvo6VE1cfbiuME+miCAibLgHjksQ8ctl322qnblYJLXiS4lvx/jtGvA3");

    /** keys_test.go TestParseMattrKeys: a MATTR key pair (base58), so the public key is the private key times g2. */
    public static final byte[] MATTR_PRIVATE_KEY = base58("5D6Pa8dSwApdnfg7EZR8WnGfvLDCZPZGsZ5Y1ELL9VDj");
    public static final byte[] MATTR_PUBLIC_KEY = base58(
            "oqpWYKaZD9M1Kbe94BVXpr8WTdFBNZyKv48cziTiQUeuhm7sBhCABMyYG4kcMrseC68YTFFgyhiNeBKjzdKk9MiRWuLv5H4FFujQsQK2KTAtzU8qTBiZqBHMmnLF4PL7Ytu");

    /** signature_test.go TestParseSignature: parses and encodes back to the same bytes. */
    public static final byte[] PARSED_SIGNATURE = unsigned(179, 22, 156, 110, 6, 135, 216, 0, 253, 221, 34, 23, 84, 99, 206,
            177, 70, 39, 227, 170, 31, 198, 153, 146, 254, 80, 87, 165, 43, 147, 216, 60, 240, 196, 31, 200, 191, 85,
            46, 230, 229, 198, 52, 94, 39, 178, 132, 7, 20, 151, 53, 123, 253, 84, 174, 230, 112, 210, 136, 122, 249,
            50, 146, 214, 210, 252, 142, 158, 39, 0, 128, 216, 193, 210, 12, 195, 20, 250, 40, 251, 3, 48, 32, 63, 3,
            72, 128, 226, 173, 209, 93, 73, 253, 95, 122, 81, 60, 8, 9, 70, 136, 171, 193, 249, 190, 245, 171, 187,
            253, 25, 107, 201);

    public static List<byte[]> messages(String... texts) {
        return java.util.Arrays.stream(texts).map(GoVectors::utf8).toList();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Standard base64, with or without padding (Go's tests use both). */
    static byte[] base64(String text) {
        return Base64.getDecoder().decode(text);
    }

    private static byte[] unsigned(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    /** Bitcoin's base58 alphabet, as btcutil's decoder reads it. */
    static byte[] base58(String text) {
        String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        BigInteger value = BigInteger.ZERO;
        for (char c : text.toCharArray()) {
            value = value.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(alphabet.indexOf(c)));
        }
        byte[] bytes = value.toByteArray();
        int strip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        int leadingZeros = 0;
        while (leadingZeros < text.length() && text.charAt(leadingZeros) == '1') {
            leadingZeros++;
        }
        byte[] out = new byte[leadingZeros + bytes.length - strip];
        System.arraycopy(bytes, strip, out, leadingZeros, bytes.length - strip);
        return out;
    }
}
