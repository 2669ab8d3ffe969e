package io.vecta.sdk.infra.bihash;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The 64-bit hashes of bihash keys. The low bits pick the bucket and the bits above them pick
 * the page, so every bit must depend on every key bit.
 *
 * <ul>
 *   <li>One-word keys use the 64-bit finaliser of MurmurHash3 ({@code fmix64}): two
 *       multiplies, and a bijection, so two different 8-byte keys never share a full hash and
 *       a {@code bihash_8_8} bucket only falls back to linear search when more keys than fit
 *       share its bucket and page bits.</li>
 *   <li>Wider keys fold each word into an accumulator with xxHash64's 8-byte lane step
 *       (multiply, rotate, multiply, then merge with rotate, multiply, add) and finish with
 *       xxHash64's avalanche. Word order matters, so (a, b) and (b, a) hash differently.</li>
 * </ul>
 * VPP uses CRC32C (with SSE4.2) or an XOR-fold into xxHash for these tables; a multiply-based
 * mix costs about the same here and needs no intrinsic. The hashes are not keyed: a table fed
 * keys chosen by an adversary can be driven into linear-search buckets, and then to "full".
 */
final class BihashHash {

    private static final long PRIME_1 = 0x9E3779B185EBCA87L;
    private static final long PRIME_2 = 0xC2B2AE3D27D4EB4FL;
    private static final long PRIME_3 = 0x165667B19E3779F9L;
    private static final long PRIME_4 = 0x85EBCA77C2B2AE63L;
    private static final long PRIME_5 = 0x27D4EB2F165667C5L;

    private static final long FMIX_1 = 0xFF51AFD7ED558CCDL;
    private static final long FMIX_2 = 0xC4CEB9FE1A85EC53L;

    private BihashHash() {
    }

    /** Hash of a one-word key. */
    static long hash(long key) {
        long h = key;
        h ^= h >>> 33;
        h *= FMIX_1;
        h ^= h >>> 33;
        h *= FMIX_2;
        h ^= h >>> 33;
        return h;
    }

    /** Hash of a key of {@code words} (two or more) words taken from {@code key[offset..]}. */
    static long hash(long[] key, int offset, int words) {
        long h = PRIME_5 + ((long) words << 3);
        for (int i = 0; i < words; i++) {
            h = merge(h, key[offset + i]);
        }
        return avalanche(h);
    }

    /**
     * Hash of the key at {@code key[offset..]} of a table of type {@code type}, after checking
     * that the array holds a whole key there.
     *
     * @throws IllegalArgumentException naming the type when it does not
     */
    static long hashChecked(String type, long[] key, int offset, int words) {
        if (offset < 0 || offset > key.length - words) {
            throw new IllegalArgumentException(type + ": a key is " + words + " words, but offset "
                    + offset + " in an array of " + key.length + " does not hold one");
        }
        return hash(key, offset, words);
    }

    /**
     * Hashes {@code count} keys of {@code words} words laid end to end in {@code keys} into
     * {@code hashes}, after checking both arrays are long enough.
     *
     * @throws IllegalArgumentException naming the type when they are not
     */
    static void hashAllChecked(String type, long[] keys, long[] hashes, int count, int words) {
        if (count < 0 || (long) count * words > keys.length || count > hashes.length) {
            throw new IllegalArgumentException(type + ": " + count + " keys need " + (long) count * words
                    + " key words and " + count + " hashes; got " + keys.length + " and " + hashes.length);
        }
        for (int i = 0; i < count; i++) {
            hashes[i] = hash(keys, i * words, words);
        }
    }

    /**
     * Hash of a key of {@code words} (two or more) words read from {@code key} at
     * {@code offset}: word i is the 8 bytes at {@code offset + 8 * i} in native byte order,
     * any alignment.
     */
    static long hash(MemorySegment key, long offset, int words) {
        long h = PRIME_5 + ((long) words << 3);
        for (int i = 0; i < words; i++) {
            h = merge(h, key.get(ValueLayout.JAVA_LONG_UNALIGNED, offset + ((long) i << 3)));
        }
        return avalanche(h);
    }

    /** Hash of a key stored in a page slot (aligned words). */
    static long hashStored(MemorySegment chunk, long offset, int words) {
        if (words == 1) {
            return hash(chunk.get(ValueLayout.JAVA_LONG, offset));
        }
        long h = PRIME_5 + ((long) words << 3);
        for (int i = 0; i < words; i++) {
            h = merge(h, chunk.get(ValueLayout.JAVA_LONG, offset + ((long) i << 3)));
        }
        return avalanche(h);
    }

    private static long merge(long h, long word) {
        long lane = Long.rotateLeft(word * PRIME_2, 31) * PRIME_1;
        return Long.rotateLeft(h ^ lane, 27) * PRIME_1 + PRIME_4;
    }

    private static long avalanche(long h) {
        h ^= h >>> 33;
        h *= PRIME_2;
        h ^= h >>> 29;
        h *= PRIME_3;
        h ^= h >>> 32;
        return h;
    }
}
