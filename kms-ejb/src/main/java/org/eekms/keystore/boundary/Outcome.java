package org.eekms.keystore.boundary;

import org.eekms.problem.KmsException;

/** One item's result in a batch: a value, or the problem that item had. The other items are not affected. */
public record Outcome<T>(T value, KmsException problem) {

    public static <T> Outcome<T> of(T value) {
        return new Outcome<>(value, null);
    }

    public static <T> Outcome<T> failed(KmsException problem) {
        return new Outcome<>(null, problem);
    }
}
