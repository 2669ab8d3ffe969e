package io.vecta.sdk.infra.pool;

import org.junit.jupiter.api.Test;

import java.lang.foreign.ValueLayout;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordPoolTest {

    private static final long SEED = 0xF1_0E5L;

    /** A flow record: packets, bytes, state, port, flags. */
    private static final long PACKETS = 0;
    private static final long BYTES = 8;
    private static final long STATE = 16;
    private static final long PORT = 20;
    private static final long FLAGS = 22;
    private static final int FLOW_RECORD = 23;

    private record Flow(long packets, long bytes, int state, short port, byte flags) {
    }

    @Test
    void shouldMatchModelUnderRandomGetPutAndGrowth() {
        SplittableRandom random = new SplittableRandom(SEED);
        try (RecordPool pool = RecordPool.growable("flows", FLOW_RECORD, 1)) {
            Map<Integer, Flow> model = new HashMap<>();
            for (int step = 0; step < 20_000; step++) {
                String where = "seed " + SEED + ", step " + step;
                if (random.nextInt(100) < 55 || model.isEmpty()) {
                    int index = pool.get();
                    assertThat(model).as(where).doesNotContainKey(index);
                    Flow flow = new Flow(random.nextLong(), random.nextLong(), random.nextInt(),
                            (short) random.nextInt(), (byte) random.nextInt());
                    write(pool, index, flow);
                    model.put(index, flow);
                } else {
                    int index = model.keySet().stream().skip(random.nextInt(model.size())).findFirst().orElseThrow();
                    assertThat(read(pool, index)).as(where).isEqualTo(model.get(index));
                    pool.put(index);
                    model.remove(index);
                }
                assertThat(pool.size()).as(where).isEqualTo(model.size());
            }
            for (Map.Entry<Integer, Flow> entry : model.entrySet()) {
                assertThat(read(pool, entry.getKey())).as("seed %d, index %d", SEED, entry.getKey())
                        .isEqualTo(entry.getValue());
            }
            int[] visited = {0};
            pool.forEachLive(index -> visited[0]++);
            assertThat(visited[0]).isEqualTo(model.size());
        }
    }

    @Test
    void shouldKeepRecordsAtTheirIndicesWhenGrowing() {
        try (RecordPool pool = RecordPool.growable("grow", FLOW_RECORD, 2)) {
            for (int i = 0; i < 1000; i++) {
                int index = pool.get();
                pool.setLong(index, PACKETS, index * 7L);
                pool.setInt(index, STATE, -index);
            }

            assertThat(pool.capacity()).isEqualTo(1024);
            assertThat(pool.stride()).isEqualTo(24);
            assertThat(pool.segment().byteSize()).isEqualTo(1024 * 24L);
            for (int i = 0; i < 1000; i++) {
                assertThat(pool.getLong(i, PACKETS)).isEqualTo(i * 7L);
                assertThat(pool.getInt(i, STATE)).isEqualTo(-i);
            }
        }
    }

    @Test
    void shouldLayRecordsOutAtTheirStride() {
        try (RecordPool pool = RecordPool.fixed("layout", 12, 4)) {
            int first = pool.get();
            int second = pool.get();
            pool.setInt(second, 8, 0x1234_5678);

            assertThat(pool.stride()).isEqualTo(16);
            assertThat(pool.recordOffset(second)).isEqualTo(16);
            assertThat(pool.segment().get(ValueLayout.JAVA_INT, 24)).isEqualTo(0x1234_5678);
            assertThat(pool.getInt(first, 8)).isZero();
            assertThat(pool.segment().address() % RecordPool.SEGMENT_ALIGNMENT).isZero();
        }
    }

    @Test
    void shouldRejectFieldsOutsideTheRecord() {
        try (RecordPool pool = RecordPool.fixed("flows", FLOW_RECORD, 4)) {
            int index = pool.get();

            assertThatThrownBy(() -> pool.getLong(index, 16))
                    .isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessage("record pool 'flows': field of 8 bytes at offset 16 is outside the record of 23 bytes");
            assertThatThrownBy(() -> pool.setByte(index, 23, (byte) 1))
                    .isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessage("record pool 'flows': field of 1 bytes at offset 23 is outside the record of 23 bytes");
            assertThatThrownBy(() -> pool.getInt(index, -4)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> pool.getInt(4, STATE))
                    .isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessage("record pool 'flows': index 4 is out of range (capacity 4)");
        }
    }

    @Test
    void shouldRejectGetWhenFullAndDoubleFree() {
        try (RecordPool pool = RecordPool.fixed("flows", FLOW_RECORD, 2)) {
            int index = pool.get();
            pool.get();

            assertThatThrownBy(pool::get)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("pool 'flows' is full: 2 of 2 elements in use (fixed size)");
            pool.put(index);
            assertThatThrownBy(() -> pool.put(index))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("pool 'flows': index 0 is not in use (capacity 2)");
            assertThatThrownBy(() -> pool.put(7))
                    .isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessage("pool 'flows': index 7 is out of range (capacity 2)");
        }
    }

    @Test
    void shouldRejectBadRecordSizeAndAccessAfterClose() {
        assertThatThrownBy(() -> RecordPool.growable("flows", 0, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("record pool 'flows': record size 0 must be at least 1 byte");
        RecordPool pool = RecordPool.fixed("flows", FLOW_RECORD, 2);
        int index = pool.get();
        pool.close();

        assertThatThrownBy(() -> pool.getLong(index, PACKETS)).isInstanceOf(IllegalStateException.class);
    }

    private static void write(RecordPool pool, int index, Flow flow) {
        pool.setLong(index, PACKETS, flow.packets());
        pool.setLong(index, BYTES, flow.bytes());
        pool.setInt(index, STATE, flow.state());
        pool.setShort(index, PORT, flow.port());
        pool.setByte(index, FLAGS, flow.flags());
    }

    private static Flow read(RecordPool pool, int index) {
        return new Flow(pool.getLong(index, PACKETS), pool.getLong(index, BYTES), pool.getInt(index, STATE),
                pool.getShort(index, PORT), pool.getByte(index, FLAGS));
    }
}
