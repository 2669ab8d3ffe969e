package io.vecta.runtime.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TraceBufferTest {

    private static TraceRecord record(String node, int bi) {
        return new TraceRecord(node, bi, node + " of " + bi, 0);
    }

    @Test
    void shouldGroupRecordsByTheHandleOfTheirPacket() {
        TraceBuffer buffer = new TraceBuffer(0, 10);
        int first = buffer.startPacket();
        int second = buffer.startPacket();
        buffer.add(first, record("a", 1));
        buffer.add(second, record("a", 2));
        buffer.add(first, record("b", 1));

        assertThat(buffer.packets()).extracting(p -> p.stream().map(TraceRecord::record).toList())
                .containsExactly(List.of("a of 1", "b of 1"), List.of("a of 2"));
        assertThat(buffer.recordCount()).isEqualTo(3);
    }

    @Test
    void shouldCountRecordsAndPacketsBeyondTheLimitInsteadOfKeepingThem() {
        TraceBuffer buffer = new TraceBuffer(0, 3);
        int packet = buffer.startPacket();
        for (int i = 0; i < 5; i++) {
            buffer.add(packet, record("a", i));
        }

        assertThat(buffer.startPacket()).isEqualTo(-1);
        assertThat(buffer.recordCount()).isEqualTo(3);
        assertThat(buffer.droppedRecords()).isEqualTo(2);
        assertThat(buffer.droppedPackets()).isEqualTo(1);
    }

    @Test
    void shouldNotTakeAHandleOfAnEarlierGenerationOrTheZeroHandleForAKeptTrace() {
        TraceBuffer buffer = new TraceBuffer(0, 10);
        assertThat(buffer.owns(0)).as("fresh buffer memory holds handle 0").isFalse();
        int before = buffer.startPacket();
        assertThat(buffer.owns(before)).isTrue();

        buffer.clear();
        int after = buffer.startPacket();

        assertThat(buffer.owns(before)).isFalse();
        assertThat(buffer.owns(after)).isTrue();
        assertThat(after & TraceBuffer.PACKET_INDEX_MASK).isEqualTo(before & TraceBuffer.PACKET_INDEX_MASK);
    }

    @Test
    void shouldCarryItsThreadInEveryHandleAndNotOwnAnotherThreadsHandleOfTheSameGenerationAndIndex() {
        TraceBuffer main = new TraceBuffer(0, 10);
        TraceBuffer worker = new TraceBuffer(1, 10);
        TraceBuffer last = new TraceBuffer(TraceBuffer.MAX_THREADS - 1, 10);
        int fromMain = main.startPacket();
        int fromWorker = worker.startPacket();
        int fromLast = last.startPacket();

        assertThat(TraceBuffer.threadOf(fromMain)).isZero();
        assertThat(TraceBuffer.threadOf(fromWorker)).isEqualTo(1);
        assertThat(TraceBuffer.threadOf(fromLast)).isEqualTo(TraceBuffer.MAX_THREADS - 1);
        assertThat(TraceBuffer.packetIndexOf(fromMain)).isEqualTo(TraceBuffer.packetIndexOf(fromWorker)).isZero();
        assertThat(worker.owns(fromMain)).isFalse();
        assertThat(main.owns(fromWorker)).isFalse();
        assertThat(last.owns(fromLast)).isTrue();
        assertThat(worker.owns(fromWorker)).isTrue();
    }

    @Test
    void shouldRefuseAThreadIndexTheHandleCannotCarry() {
        assertThatThrownBy(() -> new TraceBuffer(TraceBuffer.MAX_THREADS, 10))
                .hasMessage("trace buffer: thread index 1024 does not fit the trace handle, which names threads 0 to 1023");
        assertThatThrownBy(() -> new TraceBuffer(-1, 10)).hasMessageContaining("thread index -1");
        assertThatThrownBy(() -> new TraceBuffer(2, 10).setRecordLimit(0))
                .hasMessage("trace buffer of thread 2: record limit 0 must be positive");
    }

    @Test
    void shouldKeepTheFirstAcceptedTracesUpToTheFilterCountAndFreeTheirRecords() {
        TraceBuffer buffer = new TraceBuffer(0, 100);
        int[] handles = new int[6];
        for (int i = 0; i < handles.length; i++) {
            handles[i] = buffer.startPacket();
            buffer.add(handles[i], record("in", i));
            buffer.add(handles[i], record(i % 2 == 0 ? "drop" : "tx", i));
        }
        buffer.setFilter(new TraceFilter(TraceFilter.Mode.INCLUDE, "drop", 2));

        buffer.applyFilter();

        assertThat(buffer.packets()).extracting(p -> p.getFirst().bi()).containsExactly(0, 2);
        assertThat(buffer.recordCount()).isEqualTo(4);
        assertThat(buffer.owns(handles[4])).as("a removed trace's handle").isFalse();
        assertThat(buffer.owns(handles[2])).isTrue();
    }

    @Test
    void shouldRefuseANonPositiveLimitAndANegativeFilterCount() {
        assertThatThrownBy(() -> new TraceBuffer(0, 0)).hasMessageContaining("record limit 0 must be positive");
        assertThatThrownBy(() -> new TraceFilter(TraceFilter.Mode.EXCLUDE, "x", -1))
                .hasMessageContaining("count -1 is negative");
    }
}
