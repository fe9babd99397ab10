package org.eekms.keystore.rest;

import static org.eekms.rest.Bodies.required;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import java.util.function.Function;
import org.eekms.keystore.boundary.Outcome;
import org.eekms.rest.ErrorBody;
import org.eekms.rest.ProblemMapper;

/**
 * Batch bodies: {@code {"items": [<the single operation's request>, …]}} in, {@code {"results": [<the single
 * operation's answer> or {"error": {…}, "status": n}, …]}} out, in request order. An item that fails does not fail
 * the others; a malformed batch (no items, too many, an item that is not an object) fails whole with a 400.
 */
public final class BatchMessages {

    private BatchMessages() {
    }

    public record Batch<T>(@JsonbProperty("items") List<T> items) {

        /** Each item through {@code field}; 400 for a missing list or an item that is JSON null. */
        <R> List<R> each(Function<T, R> field) {
            return required(items).stream().map(item -> field.apply(required(item))).toList();
        }
    }

    public record Results(@JsonbProperty("results") List<Object> results) {

        static <T> Results of(List<Outcome<T>> outcomes, Function<T, Object> answer) {
            return new Results(outcomes.stream()
                    .map(outcome -> outcome.problem() == null
                            ? answer.apply(outcome.value())
                            : (Object) new Failed(new ErrorBody(outcome.problem().getMessage(), outcome.problem().code()),
                                    ProblemMapper.status(outcome.problem().kind())))
                    .toList());
        }
    }

    public record Failed(@JsonbProperty("error") ErrorBody error, @JsonbProperty("status") int status) {
    }

    /** A verify-type item that passed: {@code {}}. */
    public record Passed() {
    }
}
