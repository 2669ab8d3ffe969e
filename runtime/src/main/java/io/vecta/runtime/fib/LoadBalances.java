package io.vecta.runtime.fib;

import java.util.Arrays;

/**
 * The pool of load-balances (VPP's {@code load_balance_t}): what a FIB entry forwards through.
 * The mtrie's leaf for a prefix is the index of its entry's load-balance; the load-balance holds
 * a power-of-two number of buckets, each a {@link DpoKind} bucket, and a packet takes bucket
 * {@code flowHash & (count - 1)}, so that a flow always takes the same path (ECMP).
 *
 * <pre>
 *   per load-balance (ints)           bucket store (ints)
 *   blocks[lb]  ───────────────────▶  +0          count - 1 (the mask)
 *   hashConfig[lb]  flow-hash fields  +1 .. +count  buckets, path i's share contiguous
 * </pre>
 *
 * A load-balance of one bucket (most routes: one path) also keeps that bucket in
 * {@code single[lb]}, so that ip4-lookup forwards it with one array read, as VPP keeps a
 * one-bucket load-balance's DPO inline; {@link #MULTIPLE} there sends it to the block.
 *
 * <p>A change of paths writes a whole new bucket block and then the one int that points to it, so
 * a reader sees the old block or the new one. The index of a load-balance never changes while
 * its entry lives, so changing a route's paths does not touch the mtrie.
 *
 * <p>Updates belong to the main thread with the workers stopped: the stores grow by copying and
 * a replaced block is reused at once.
 */
public final class LoadBalances {

    /** The most buckets a load-balance has. */
    public static final int MAX_BUCKETS = 1 << 10;
    /** Bucket counts are doubled until no path's share is off by more than this, summed, per bucket. */
    static final double SHARE_TOLERANCE = 0.1;

    /** {@link #singleBucket}'s answer for a load-balance of more than one bucket (no bucket is all ones). */
    public static final int MULTIPLE = -1;

    private static final int FREE = -1;
    private static final int SIZE_CLASSES = Integer.numberOfTrailingZeros(MAX_BUCKETS) + 1;

    private int[] blocks = new int[16];
    private int[] hashConfig = new int[16];
    private int[] single = new int[16];
    private int used;
    private int live;
    private int[] freeIndices = new int[16];
    private int freeIndexCount;
    private int[] store = new int[256];
    private int storeUsed;
    private final int[][] freeBlocks = new int[SIZE_CLASSES][];
    private final int[] freeBlockCount = new int[SIZE_CLASSES];

    LoadBalances() {
        for (int i = 0; i < SIZE_CLASSES; i++) {
            freeBlocks[i] = new int[4];
        }
    }

    // ---- what nodes read -----------------------------------------------------------------

    /** The bucket of {@code lb} that flow hash {@code flowHash} selects. */
    public int bucket(int lb, int flowHash) {
        int[] buckets = store;
        int block = blocks[lb];
        return buckets[block + 1 + (flowHash & buckets[block])];
    }

    /** The only bucket of {@code lb}, or {@link #MULTIPLE} when it has more than one. */
    public int singleBucket(int lb) {
        return single[lb];
    }

    /** The number of buckets of {@code lb} (a power of two). */
    public int bucketCount(int lb) {
        return store[blocks[lb]] + 1;
    }

    /** Bucket {@code i} of {@code lb}. */
    public int bucketAt(int lb, int i) {
        return store[blocks[lb] + 1 + i];
    }

    /** The fields {@code lb} hashes ({@link Ip4FlowHash} bits). */
    public int hashConfig(int lb) {
        return hashConfig[lb];
    }

    // ---- updates -------------------------------------------------------------------------

    /** A new load-balance over {@code buckets} (a power-of-two count) hashing {@code config}. */
    int create(int[] buckets, int config) {
        int lb;
        if (freeIndexCount > 0) {
            lb = freeIndices[--freeIndexCount];
        } else {
            if (used == DpoKind.MAX_INDEX + 1) {
                throw new IllegalStateException("load-balances: pool is full (" + used + " load-balances)");
            }
            lb = used++;
            if (used > blocks.length) {
                blocks = Arrays.copyOf(blocks, blocks.length * 2);
                hashConfig = Arrays.copyOf(hashConfig, hashConfig.length * 2);
                single = Arrays.copyOf(single, single.length * 2);
            }
        }
        live++;
        hashConfig[lb] = config;
        blocks[lb] = writeBlock(buckets);
        single[lb] = singleOf(buckets);
        return lb;
    }

    /** Replaces the buckets of {@code lb} and the fields it hashes. */
    void update(int lb, int[] buckets, int config) {
        checkLive(lb);
        hashConfig[lb] = config;
        int old = blocks[lb];
        if (store[old] + 1 == buckets.length) {
            // same count: bucket by bucket, each one int
            System.arraycopy(buckets, 0, store, old + 1, buckets.length);
        } else {
            blocks[lb] = writeBlock(buckets);
            freeBlock(old);
        }
        single[lb] = singleOf(buckets);
    }

    /** Frees {@code lb}. */
    void free(int lb) {
        checkLive(lb);
        freeBlock(blocks[lb]);
        blocks[lb] = FREE;
        single[lb] = MULTIPLE;
        live--;
        if (freeIndexCount == freeIndices.length) {
            freeIndices = Arrays.copyOf(freeIndices, freeIndexCount * 2);
        }
        freeIndices[freeIndexCount++] = lb;
    }

    /** Load-balances in use. */
    public int size() {
        return live;
    }

    /** Whether {@code lb} names a load-balance in use. */
    public boolean isLive(int lb) {
        return lb >= 0 && lb < used && blocks[lb] != FREE;
    }

    /** Replaces, in every load-balance, bucket {@code from} by bucket {@code to}. */
    void replaceBucket(int from, int to) {
        for (int lb = 0; lb < used; lb++) {
            int block = blocks[lb];
            if (block == FREE) {
                continue;
            }
            for (int i = block + 1, end = block + 1 + store[block] + 1; i < end; i++) {
                if (store[i] == from) {
                    store[i] = to;
                }
            }
            if (single[lb] == from) {
                single[lb] = to;
            }
        }
    }

    private static int singleOf(int[] buckets) {
        return buckets.length == 1 ? buckets[0] : MULTIPLE;
    }

    private int writeBlock(int[] buckets) {
        int count = buckets.length;
        if (count < 1 || count > MAX_BUCKETS || Integer.bitCount(count) != 1) {
            throw new IllegalArgumentException("load-balances: " + count + " buckets (a power of two, 1 to "
                    + MAX_BUCKETS + ")");
        }
        int sizeClass = Integer.numberOfTrailingZeros(count);
        int block;
        if (freeBlockCount[sizeClass] > 0) {
            block = freeBlocks[sizeClass][--freeBlockCount[sizeClass]];
        } else {
            block = storeUsed;
            if ((long) storeUsed + 1 + count > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("load-balances: bucket store is full (" + storeUsed + " ints)");
            }
            storeUsed += 1 + count;
            if (storeUsed > store.length) {
                store = Arrays.copyOf(store, Math.max(storeUsed, (int) Math.min(Integer.MAX_VALUE - 8,
                        store.length * 2L)));
            }
        }
        System.arraycopy(buckets, 0, store, block + 1, count);
        store[block] = count - 1;
        return block;
    }

    private void freeBlock(int block) {
        int sizeClass = Integer.numberOfTrailingZeros(store[block] + 1);
        if (freeBlockCount[sizeClass] == freeBlocks[sizeClass].length) {
            freeBlocks[sizeClass] = Arrays.copyOf(freeBlocks[sizeClass], freeBlockCount[sizeClass] * 2);
        }
        freeBlocks[sizeClass][freeBlockCount[sizeClass]++] = block;
    }

    private void checkLive(int lb) {
        if (!isLive(lb)) {
            throw new IllegalArgumentException("load-balances: " + lb + " is not in use (" + live + " in use)");
        }
    }

    // ---- spreading weights over buckets --------------------------------------------------

    /**
     * How many buckets each path gets, for paths of {@code weights}: the fewest buckets, a power
     * of two no smaller than the number of paths, for which the shares are off by no more than
     * {@link #SHARE_TOLERANCE} of the bucket count in total (VPP's rule: three equal paths get 16
     * buckets, 6/5/5).
     */
    static int[] bucketShares(int[] weights) {
        int paths = weights.length;
        if (paths == 0 || paths > MAX_BUCKETS) {
            throw new IllegalArgumentException("load-balances: " + paths + " paths (1 to " + MAX_BUCKETS + ")");
        }
        long total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int[] shares = new int[paths];
        double[] remainders = new double[paths];
        for (int count = paths == 1 ? 1 : Integer.highestOneBit(paths - 1) << 1; ; count <<= 1) {
            int given = 0;
            double error = 0;
            for (int i = 0; i < paths; i++) {
                double ideal = (double) weights[i] * count / total;
                shares[i] = (int) ideal;
                remainders[i] = ideal - shares[i];
                given += shares[i];
            }
            for (; given < count; given++) {
                int best = 0;
                for (int i = 1; i < paths; i++) {
                    if (remainders[i] > remainders[best]) {
                        best = i;
                    }
                }
                shares[best]++;
                remainders[best] -= 1;
            }
            for (int i = 0; i < paths; i++) {
                error += Math.abs(shares[i] - (double) weights[i] * count / total);
            }
            if (error <= SHARE_TOLERANCE * count || count == MAX_BUCKETS) {
                return shares;
            }
        }
    }
}
