package io.vecta.runtime.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vecta.sdk.buffer.BufferAllocator;
import io.vecta.sdk.buffer.BufferFlags;
import io.vecta.sdk.buffer.Buffers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random alloc, free, chain, clone, copy and free-without-next against a model of which
 * packets exist, which buffers each holds, every buffer's reference count and every packet's
 * bytes. The pool is small, so that it runs out often.
 */
class BufferAllocatorModelTest {

    private static final int STEPS = 2500;

    /** A packet the model holds: its buffers in chain order and its bytes. */
    private record Packet(List<Integer> chain, byte[] bytes) {
        int head() {
            return chain.getFirst();
        }

        int last() {
            return chain.getLast();
        }
    }

    private Random random;
    private BufferPools pools;
    private Buffers buffers;
    private BufferAllocator allocator;
    private BufferPool pool;
    private final Map<Integer, Integer> references = new HashMap<>();
    private final List<Packet> packets = new ArrayList<>();
    private long failures;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 0x5eed_b0ffL, 20261125L})
    void shouldMatchTheModelThroughRandomOperations(long seed) {
        random = new Random(seed);
        BufferConfig config = BufferConfig.builder().buffersPerNuma(600).pageSize(BufferPageSize.SIZE_4K).build();
        try (BufferPools created = BufferPools.create(config, 1)) {
            pools = created;
            buffers = pools.buffers();
            allocator = pools.allocator(0);
            pool = pools.pool(0);
            int step = 0;
            try {
                for (; step < STEPS; step++) {
                    randomStep();
                    checkCounters();
                    if (step % 25 == 0) {
                        checkPackets();
                    }
                }
                checkPackets();
                freeEverythingAndAllocateEveryBufferOnce();
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + ", step " + step + ": " + e.getMessage(), e);
            }
        }
    }

    private void randomStep() {
        int choice = random.nextInt(100);
        if (choice < 30) {
            allocPackets(1 + random.nextInt(random.nextInt(10) == 0 ? 700 : 40));
        } else if (choice < 55) {
            freePackets(1 + random.nextInt(8));
        } else if (choice < 70) {
            chainTwo();
        } else if (choice < 82) {
            clonePacket();
        } else if (choice < 92) {
            copyPacket();
        } else {
            freeHeadOnly();
        }
    }

    private int freeBuffers() {
        return pool.total() - references.size();
    }

    private void allocPackets(int n) {
        int[] dst = new int[n + 3];
        int expected = Math.min(n, freeBuffers());
        int got = allocator.alloc(dst, 3, n);
        assertThat(got).as("alloc(%d) with %d free", n, freeBuffers()).isEqualTo(expected);
        failures += n - got;
        for (int i = 3; i < 3 + got; i++) {
            int bi = dst[i];
            assertThat(references).as("buffer 0x%x handed out while held", bi).doesNotContainKey(bi);
            assertThat(buffers.checkBuffer(bi)).isZero();
            assertFresh(bi);
            references.put(bi, 1);
            packets.add(new Packet(List.of(bi), fillWithRandomBytesAndMetadata(bi)));
        }
    }

    private void assertFresh(int bi) {
        assertThat(buffers.refCount(bi)).isEqualTo(1);
        assertThat(buffers.currentData(bi)).isZero();
        assertThat(buffers.currentLength(bi)).isZero();
        assertThat(buffers.flags(bi)).isZero();
        assertThat(buffers.nextBuffer(bi)).isEqualTo(Buffers.NO_BUFFER);
        assertThat(buffers.flowId(bi)).isZero();
        assertThat(buffers.error(bi)).isZero();
        assertThat(buffers.featureConfigIndex(bi)).isZero();
        assertThat(buffers.rxSwIfIndex(bi)).isZero();
        assertThat(buffers.txSwIfIndex(bi)).isZero();
    }

    /** Gives a fresh buffer random data and dirties the metadata that free must reset. */
    private byte[] fillWithRandomBytesAndMetadata(int bi) {
        byte[] bytes = new byte[1 + random.nextInt(600)];
        random.nextBytes(bytes);
        buffers.copyIn(bi, 0, bytes, 0, bytes.length);
        buffers.setCurrentLength(bi, bytes.length);
        buffers.setFlowId(bi, random.nextInt());
        buffers.setError(bi, random.nextInt(0x10000));
        buffers.setRxSwIfIndex(bi, random.nextInt(8));
        buffers.setTxSwIfIndex(bi, random.nextInt(8));
        buffers.setFeatureConfigIndex(bi, random.nextInt());
        buffers.setOpaque(bi, random.nextInt(Buffers.OPAQUE_WORDS), random.nextInt());
        buffers.setFlags(bi, BufferFlags.feature(random.nextInt(BufferFlags.FEATURE_FLAG_COUNT)));
        return bytes;
    }

    private void freePackets(int n) {
        int count = Math.min(n, packets.size());
        int[] heads = new int[count];
        for (int i = 0; i < count; i++) {
            Packet packet = packets.remove(random.nextInt(packets.size()));
            heads[i] = packet.head();
            for (int bi : packet.chain()) {
                dropReference(bi);
            }
        }
        allocator.free(heads, 0, count);
    }

    private void dropReference(int bi) {
        int left = references.get(bi) - 1;
        if (left == 0) {
            references.remove(bi);
        } else {
            references.put(bi, left);
        }
    }

    private void chainTwo() {
        if (packets.size() < 2) {
            return;
        }
        Packet first = packets.get(random.nextInt(packets.size()));
        Packet second = packets.get(random.nextInt(packets.size()));
        if (first == second || references.get(first.last()) != 1 || first.chain().size() + second.chain().size() > 6) {
            return;
        }
        buffers.chainAppend(first.head(), first.last(), second.head());
        packets.remove(second);
        packets.remove(first);
        List<Integer> chain = new ArrayList<>(first.chain());
        chain.addAll(second.chain());
        byte[] bytes = Arrays.copyOf(first.bytes(), first.bytes().length + second.bytes().length);
        System.arraycopy(second.bytes(), 0, bytes, first.bytes().length, second.bytes().length);
        packets.add(new Packet(List.copyOf(chain), bytes));
    }

    private void clonePacket() {
        if (packets.isEmpty()) {
            return;
        }
        Packet source = packets.get(random.nextInt(packets.size()));
        if (references.get(source.head()) != 1) {
            assertThatThrownBy(() -> allocator.clone(source.head(), new int[1], 0, 1, 0))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("only a packet this thread alone holds");
            return;
        }
        int count = 1 + random.nextInt(6);
        int headLength = random.nextInt(100);
        int[] dst = new int[count];
        int length = buffers.currentLength(source.head());
        int segments = source.chain().size();
        if (length <= headLength + 128) {
            int expected = 1 + Math.min(count - 1, freeBuffers() / segments);
            int got = allocator.clone(source.head(), dst, 0, count, headLength);
            assertThat(got).isEqualTo(expected);
            if (got < count) {
                failures += segments;
            }
            for (int i = 1; i < got; i++) {
                adoptCopy(dst[i], source);
            }
            return;
        }
        if (count == 1) {
            assertThat(allocator.clone(source.head(), dst, 0, 1, headLength)).isEqualTo(1);
            assertThat(dst[0]).isEqualTo(source.head());
            return;
        }
        int mostShared = source.chain().stream().skip(1).mapToInt(references::get).max().orElse(0);
        if (mostShared + count - 1 > Buffers.MAX_REF_COUNT) {
            assertThatThrownBy(() -> allocator.clone(source.head(), dst, 0, count, headLength))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("more clones would pass 255");
            return;
        }
        int expected = Math.min(count, freeBuffers());
        int got = allocator.clone(source.head(), dst, 0, count, headLength);
        failures += count - expected;
        if (expected == 0) {
            assertThat(got).isEqualTo(1);
            assertThat(dst[0]).isEqualTo(source.head());
            return;
        }
        assertThat(got).isEqualTo(expected);
        packets.remove(source);
        references.put(source.head(), got);
        for (int bi : source.chain().subList(1, segments)) {
            references.put(bi, references.get(bi) + got - 1);
        }
        for (int i = 0; i < got; i++) {
            int head = dst[i];
            assertThat(references).doesNotContainKey(head);
            references.put(head, 1);
            List<Integer> chain = new ArrayList<>(source.chain());
            chain.addFirst(head);
            packets.add(new Packet(List.copyOf(chain), source.bytes()));
            assertThat(buffers.currentLength(head)).isEqualTo(headLength);
            assertThat(buffers.nextBuffer(head)).isEqualTo(source.head());
        }
    }

    private void copyPacket() {
        if (packets.isEmpty()) {
            return;
        }
        Packet source = packets.get(random.nextInt(packets.size()));
        int segments = source.chain().size();
        int copy = allocator.copy(source.head());
        if (freeBuffers() < segments) {
            assertThat(copy).isEqualTo(Buffers.NO_BUFFER);
            failures += segments;
            return;
        }
        adoptCopy(copy, source);
        int head = source.head();
        assertThat(buffers.flowId(copy)).isEqualTo(buffers.flowId(head));
        assertThat(buffers.error(copy)).isEqualTo(buffers.error(head));
        assertThat(buffers.rxSwIfIndex(copy)).isEqualTo(buffers.rxSwIfIndex(head));
        assertThat(buffers.txSwIfIndex(copy)).isEqualTo(buffers.txSwIfIndex(head));
        for (int word = 0; word < Buffers.OPAQUE_WORDS; word++) {
            assertThat(buffers.opaque(copy, word)).isEqualTo(buffers.opaque(head, word));
        }
        assertThat(buffers.flags(copy) & ~(BufferFlags.NEXT_PRESENT | BufferFlags.TOTAL_LENGTH_VALID))
                .isEqualTo(buffers.flags(head) & BufferFlags.COPY_CLONE_MASK & ~BufferFlags.NEXT_PRESENT);
    }

    /** Takes a deep copy of {@code source} into the model, checking it shares no buffer. */
    private void adoptCopy(int copyHead, Packet source) {
        List<Integer> chain = new ArrayList<>();
        int bi = copyHead;
        while (true) {
            assertThat(references).as("copied buffer 0x%x already held", bi).doesNotContainKey(bi);
            assertThat(buffers.refCount(bi)).isEqualTo(1);
            references.put(bi, 1);
            chain.add(bi);
            if ((buffers.flags(bi) & BufferFlags.NEXT_PRESENT) == 0) {
                break;
            }
            bi = buffers.nextBuffer(bi);
        }
        assertThat(chain).hasSameSizeAs(source.chain());
        packets.add(new Packet(List.copyOf(chain), source.bytes()));
    }

    private void freeHeadOnly() {
        List<Packet> chained = packets.stream().filter(p -> p.chain().size() > 1).toList();
        if (chained.isEmpty()) {
            return;
        }
        Packet packet = chained.get(random.nextInt(chained.size()));
        int headBytes = buffers.currentLength(packet.head());
        allocator.freeNoNext(new int[] {packet.head()}, 0, 1);
        dropReference(packet.head());
        packets.remove(packet);
        List<Integer> rest = packet.chain().subList(1, packet.chain().size());
        packets.add(new Packet(List.copyOf(rest),
                Arrays.copyOfRange(packet.bytes(), headBytes, packet.bytes().length)));
    }

    private void checkCounters() {
        assertThat(pool.used()).as("buffers held").isEqualTo(references.size());
        assertThat(pool.available() + pool.cached() + pool.used()).isEqualTo(pool.total());
        assertThat(pool.cached()).isBetween(0, BufferPoolThreadCache.CAPACITY);
        assertThat(pool.allocFailures()).as("alloc failures").isEqualTo(failures);
    }

    private void checkPackets() {
        for (Map.Entry<Integer, Integer> entry : references.entrySet()) {
            assertThat(buffers.refCount(entry.getKey())).as("ref_count of 0x%x", entry.getKey())
                    .isEqualTo(entry.getValue());
        }
        for (Packet packet : packets) {
            assertThat(buffers.contents(packet.head())).as("bytes of the packet at 0x%x", packet.head())
                    .isEqualTo(packet.bytes());
            assertThat(buffers.lengthInChain(packet.head())).isEqualTo(packet.bytes().length);
            assertThat(buffers.buffersInChain(packet.head())).isEqualTo(packet.chain().size());
        }
    }

    private void freeEverythingAndAllocateEveryBufferOnce() {
        int[] heads = packets.stream().mapToInt(Packet::head).toArray();
        allocator.free(heads, 0, heads.length);
        packets.clear();
        references.clear();
        assertThat(pool.used()).isZero();

        int[] all = new int[pool.total() + 1];
        assertThat(allocator.alloc(all, 0, all.length)).isEqualTo(pool.total());
        Set<Integer> distinct = new HashSet<>();
        for (int i = 0; i < pool.total(); i++) {
            assertThat(distinct.add(all[i])).as("0x%x handed out twice", all[i]).isTrue();
        }
        Set<Integer> expected = new HashSet<>();
        for (int n = 0; n < pool.total(); n++) {
            expected.add(pool.layout().bufferIndex(n));
        }
        assertThat(distinct).isEqualTo(expected);
    }
}
