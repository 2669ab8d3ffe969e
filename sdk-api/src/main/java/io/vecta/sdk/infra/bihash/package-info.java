/**
 * Bounded-index extensible hash tables ("bihash"), VPP's {@code clib_bihash} in Java over
 * off-heap memory: the lookup structure of flow tables, FIBs and sessions, read by every
 * worker thread without locks while one control thread updates it.
 *
 * <h2>Shapes</h2>
 * Keys and values have fixed widths, named as in VPP (key bytes _ value bytes):
 * <table>
 *   <caption>shapes</caption>
 *   <tr><th>class</th><th>key</th><th>page (4 entries)</th></tr>
 *   <tr><td>{@link io.vecta.sdk.infra.bihash.Bihash8_8}</td><td>one {@code long}</td><td>64 B</td></tr>
 *   <tr><td>{@link io.vecta.sdk.infra.bihash.Bihash16_8}</td><td>2 longs</td><td>96 B</td></tr>
 *   <tr><td>{@link io.vecta.sdk.infra.bihash.Bihash24_8}</td><td>3 longs</td><td>128 B</td></tr>
 *   <tr><td>{@link io.vecta.sdk.infra.bihash.Bihash40_8}</td><td>5 longs</td><td>192 B</td></tr>
 *   <tr><td>{@link io.vecta.sdk.infra.bihash.Bihash48_8}</td><td>6 longs</td><td>224 B</td></tr>
 * </table>
 * A table is created with a name, a power-of-two bucket count (about half the expected
 * entries) and a memory limit, like {@code clib_bihash_init}. Memory is taken in 4 MiB chunks
 * as entries arrive and freed by {@code close()}.
 *
 * <h2>How it works</h2>
 * The hash's low bits pick a bucket; the bucket word names a page set of 2^n pages of four
 * entries; the next n hash bits pick the page, which is searched linearly. A full page
 * doubles the bucket's pages and re-splits its entries; if the hashes cannot be separated,
 * the bucket falls back to searching all its pages linearly. Bucket and page layouts, the
 * growth rules and the proof that readers are safe are on {@code BihashTable} and
 * {@code BihashBucket}; page memory and free lists on {@code BihashArena}.
 *
 * <h2>Threads</h2>
 * One writer at a time, serialized by the caller (in Vecta, the main thread, or a lock the
 * feature owns). Any number of concurrent readers: they never block and never see a torn
 * entry, because the writer builds a changed copy of a bucket and publishes it with one
 * store of the bucket word, and readers check that word again after searching.
 * {@code close()} frees the memory at once and must not race readers: close a table only
 * when no worker can be looking it up (behind the workers' barrier).
 *
 * <h2>Memory</h2>
 * Bucket array and page memory are off-heap, from a shared {@link java.lang.foreign.Arena}
 * per table; page memory grows in 4 MiB chunks up to the table's limit. All of it is read and
 * written through one constant segment over the whole address space at absolute addresses:
 * measured against each chunk's own segment, this halves the compiled size of a lookup (so
 * the JIT inlines it into the caller's loop) and makes it about a third faster, at the cost
 * of FFM's check that would turn a lookup racing {@code close()} into an exception.
 *
 * <h2>Hot path</h2>
 * Lookups, adds and deletes allocate nothing and make no virtual calls. Hashes are exposed
 * so a node can hash a whole frame first ({@code hashAll}), then resolve it with
 * {@code getAll}, which loads all buckets, then all pages, then searches, so that the cache
 * misses of 256 keys overlap; this stands in for VPP's prefetch of bucket and data by hash.
 *
 * <h2>Why one class per shape over one engine</h2>
 * All the logic is in one package-private engine, {@code BihashTable}, parameterised by the
 * key width. The public shapes are small final classes that call its search kernels with the
 * width as a compile-time constant. Once the JIT inlines a kernel into the shape's method the
 * constant unrolls the key-compare and hash loops, so a {@code Bihash40_8} lookup runs code
 * for five words, with no type profile shared with other shapes and no virtual call; the
 * writer, iteration and statistics exist once. The kernels are written to stay small when
 * compiled (the four slots of a page compared without branches on one word, full compares
 * only for candidates, linear buckets and retries out of line), because C2 will not inline a
 * method it has already compiled to more than about 2.5 KB, and a lookup that is not inlined
 * costs a call per key. The 8_8 shape has its own kernel taking the key as a {@code long}. A
 * common abstract class with an overridable width would instead merge the profiles of every
 * shape in use into one call site, and a class copied per shape would repeat the whole
 * algorithm five times.
 *
 * <h2>Hash</h2>
 * MurmurHash3's 64-bit finaliser for one-word keys (a bijection, two multiplies) and an
 * xxHash64-style word fold with xxHash64's avalanche for wider keys; see
 * {@code BihashHash}. Unkeyed: not resistant to keys chosen to collide.
 */
package io.vecta.sdk.infra.bihash;
