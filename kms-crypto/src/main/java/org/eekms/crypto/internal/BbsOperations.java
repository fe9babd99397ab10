package org.eekms.crypto.internal;

import com.google.crypto.tink.KeysetHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.eekms.crypto.KeyOperations;
import org.eekms.crypto.KeyType;
import org.eekms.crypto.internal.bbs.BbsPrivateKey;
import org.eekms.crypto.internal.bbs.BbsPublicKey;
import org.eekms.problem.InvalidRequestException;
import org.eekms.problem.VerificationFailedException;

/**
 * BBS+ signatures and selective-disclosure proofs (TrustBloc's signmulti, verifymulti, deriveproof, verifyproof),
 * compatible with AFGo's {@code bbs12381g2pub}. The primary version signs; signatures and proofs verify under any
 * version, and a proof is derived from whichever version's signature it is. Each version keeps its message generators
 * once derived, so a cached keyset answers repeated calls without hashing to the curve again.
 */
final class BbsOperations implements KeyOperations {

    private final BbsPrivateKey signingKey;
    private final List<BbsPublicKey> verificationKeys;

    BbsOperations(KeysetHandle handle) {
        List<BbsPublicKey> keys = new ArrayList<>();
        BbsPrivateKey primary = null;
        for (int i = 0; i < handle.size(); i++) {
            KeysetHandle.Entry entry = handle.getAt(i);
            BbsKeys.BbsKey key = BbsKeys.read(entry.getKey());
            if (entry.isPrimary()) {
                primary = key.privateKey();
                keys.add(0, key.publicKey());
            } else {
                keys.add(key.publicKey());
            }
        }
        this.signingKey = primary;
        this.verificationKeys = List.copyOf(keys);
    }

    @Override
    public KeyType type() {
        return KeyType.BLS12381G2;
    }

    @Override
    public byte[] signMulti(List<byte[]> messages) {
        if (signingKey == null) {
            throw Operations.verifyOnly(type());
        }
        return signingKey.sign(checked(messages, "messages"));
    }

    @Override
    public void verifyMulti(byte[] signature, List<byte[]> messages) {
        List<byte[]> checked = checked(messages, "messages");
        for (BbsPublicKey key : verificationKeys) {
            if (key.verify(signature, checked)) {
                return;
            }
        }
        throw VerificationFailedException.signature();
    }

    @Override
    public byte[] deriveProof(List<byte[]> messages, byte[] signature, byte[] nonce, List<Integer> revealedIndexes) {
        List<byte[]> checked = checked(messages, "messages");
        SortedSet<Integer> revealed = revealed(revealedIndexes, checked.size());
        for (BbsPublicKey key : verificationKeys) {
            var proof = key.deriveProof(signature, checked, orEmpty(nonce), revealed);
            if (proof.isPresent()) {
                return proof.get();
            }
        }
        throw VerificationFailedException.signature();
    }

    @Override
    public void verifyProof(byte[] proof, List<byte[]> revealedMessages, byte[] nonce) {
        List<byte[]> checked = checked(revealedMessages, "messages");
        for (BbsPublicKey key : verificationKeys) {
            if (key.verifyProof(proof, checked, orEmpty(nonce))) {
                return;
            }
        }
        throw VerificationFailedException.proof();
    }

    /** One to {@link BbsPublicKey#MAX_MESSAGES} messages, none null (a Go client's nil slice is JSON null: empty). */
    private static List<byte[]> checked(List<byte[]> messages, String field) {
        if (messages == null || messages.isEmpty()) {
            throw new InvalidRequestException(field + " must hold at least one message");
        }
        if (messages.size() > BbsPublicKey.MAX_MESSAGES) {
            throw new InvalidRequestException(field + " may hold at most " + BbsPublicKey.MAX_MESSAGES + " messages");
        }
        return messages.stream().map(BbsOperations::orEmpty).toList();
    }

    private static SortedSet<Integer> revealed(List<Integer> indexes, int count) {
        if (indexes == null || indexes.isEmpty()) {
            throw new InvalidRequestException("revealed_indexes must name at least one message to reveal");
        }
        SortedSet<Integer> revealed = new TreeSet<>();
        for (Integer index : indexes) {
            if (index == null || index < 0 || index >= count) {
                throw new InvalidRequestException("revealed_indexes: " + index + " is not an index of the "
                        + count + " messages");
            }
            if (!revealed.add(index)) {
                throw new InvalidRequestException("revealed_indexes: " + index + " is named twice");
            }
        }
        return revealed;
    }

    private static byte[] orEmpty(byte[] bytes) {
        return bytes == null ? new byte[0] : bytes;
    }
}
