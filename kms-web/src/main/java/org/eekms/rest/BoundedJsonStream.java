package org.eekms.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;
import org.eekms.problem.InvalidRequestException;

/**
 * A request body that fails as soon as it passes a size or a JSON nesting depth, before any parser holds it whole or
 * recurses into it. The depth is counted on the bytes as they pass: brackets and braces outside strings, where a
 * string ends at an unescaped quote. That is exact for UTF-8 (no byte of a multi-byte sequence is ASCII) and needs no
 * support from the JSON-B or JSON-P implementation, which differs between servers (Yasson does not hand a depth
 * setting to Parsson's parser).
 */
final class BoundedJsonStream extends FilterInputStream {

    private long remaining;
    private final Supplier<RuntimeException> tooLarge;
    private final int maxDepth;
    private int depth;
    private boolean inString;
    private boolean escaped;
    private RuntimeException refusal;

    /** {@code tooLarge}: the refusal of a body over {@code maxSize}, which the filter answers with 413. */
    BoundedJsonStream(InputStream in, long maxSize, Supplier<RuntimeException> tooLarge, int maxDepth) {
        super(in);
        this.remaining = maxSize;
        this.tooLarge = tooLarge;
        this.maxDepth = maxDepth;
    }

    @Override
    public int read() throws IOException {
        refuseAgain();
        int b = super.read();
        if (b >= 0) {
            count(1);
            scan((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        refuseAgain();
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
            for (int i = offset; i < offset + n; i++) {
                scan(buffer[i]);
            }
        }
        return n;
    }

    /** Skipped bytes are read and scanned like the others, so that skipping cannot pass either bound. */
    @Override
    public long skip(long n) throws IOException {
        return n <= 0 ? 0 : Math.max(0, read(new byte[(int) Math.min(n, 8192)]));
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /**
     * Why the body was refused, or {@code null}. A parser may catch what a read threw and report something else
     * (Parsson, reading a string, then says the value is not base64), so the filter asks here before answering.
     */
    RuntimeException refusal() {
        return refusal;
    }

    /**
     * After a refusal for depth: reads and drops the rest of the body, within the size bound, so that a client still
     * sending it can finish and read the answer. False when the size bound stopped it first (the filter then closes
     * the connection).
     */
    boolean discardRest() {
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                remaining -= n;
                if (remaining < 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException gone) {
            return false;
        }
    }

    private void refuseAgain() {
        if (refusal != null) {
            throw refusal;
        }
    }

    private void count(long n) {
        remaining -= n;
        if (remaining < 0) {
            refusal = tooLarge.get();
            throw refusal;
        }
    }

    private void scan(byte b) {
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (b == '\\') {
                escaped = true;
            } else if (b == '"') {
                inString = false;
            }
            return;
        }
        switch (b) {
            case '"' -> inString = true;
            case '[', '{' -> {
                if (++depth > maxDepth) {
                    refusal = new InvalidRequestException("malformed_request",
                            "malformed request body: JSON nested deeper than " + maxDepth + " levels");
                    throw refusal;
                }
            }
            case ']', '}' -> depth = Math.max(0, depth - 1);
            default -> {
                // values and punctuation do not change the depth
            }
        }
    }
}
