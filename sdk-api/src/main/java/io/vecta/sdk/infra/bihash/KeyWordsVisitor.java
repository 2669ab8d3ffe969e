package io.vecta.sdk.infra.bihash;

/**
 * Receives the entries of a multi-word bihash during {@code forEach}. The key array holds
 * exactly the shape's key words and is reused for the next entry: copy it to keep it.
 */
@FunctionalInterface
public interface KeyWordsVisitor {

    void accept(long[] key, long value);
}
