package io.vecta.sdk.infra.bihash;

/**
 * What every bihash shape shares outside the hot path: its name, its entry count, its
 * statistics and its memory. Lookups and updates are on the concrete shapes
 * ({@link Bihash8_8}, {@link Bihash16_8}, {@link Bihash24_8}, {@link Bihash40_8},
 * {@link Bihash48_8}), which are final so that calls through them are direct.
 */
public sealed interface Bihash extends AutoCloseable
        permits Bihash8_8, WideKeyBihash {

    /** The name given at creation, shown by {@link #format(boolean)} and in error messages. */
    String name();

    /** VPP's name of the shape: {@code bihash_8_8}, {@code bihash_40_8}, ... */
    String type();

    /**
     * Number of entries. Exact on the writer's thread; from another thread it may lag the
     * writer by the updates in flight.
     */
    long size();

    /**
     * The table in the layout of VPP's {@code show bihash} ({@code format_bihash}): name,
     * active elements and buckets, free lists by size, linear-search buckets, arena use,
     * geometry; {@code verbose} adds every non-empty bucket with its entries.
     */
    String format(boolean verbose);

    /**
     * Frees the table's off-heap memory at once. Every later call fails with an
     * {@link IllegalStateException} naming the table. Stop all readers first (in Vecta, close
     * behind the workers' barrier): a lookup already running when the memory is freed reads
     * freed memory and can crash the JVM. Closing twice is harmless.
     */
    @Override
    void close();
}
