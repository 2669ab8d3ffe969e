package io.vecta.sdk.infra.bihash;

/** Receives the entries of a {@link Bihash8_8} during {@link Bihash8_8#forEach}. */
@FunctionalInterface
public interface LongLongVisitor {

    void accept(long key, long value);
}
