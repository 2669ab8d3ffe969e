package io.vecta.runtime.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameImageTest {

    private static final long SEED = 0xf4a3e1L;
    private static final byte GUARD = (byte) 0xa5;

    @Test
    void shouldWriteEveryLengthExactlyWithNothingBeforeOrAfter() {
        Random random = new Random(SEED);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment memory = arena.allocate(256);
            for (int length = 0; length <= 70; length++) {
                byte[] frame = new byte[length];
                random.nextBytes(frame);
                memory.fill(GUARD);
                int at = 16 + length % 7;

                new FrameImage(frame).writeTo(memory, at);

                String where = "frame of " + length + " bytes at " + at + " (seed " + SEED + ")";
                assertThat(memory.asSlice(at, length).toArray(ValueLayout.JAVA_BYTE)).as(where)
                        .isEqualTo(frame);
                for (long i = 0; i < memory.byteSize(); i++) {
                    if (i < at || i >= at + length) {
                        assertThat(memory.get(ValueLayout.JAVA_BYTE, i)).as(where + ", byte " + i)
                                .isEqualTo(GUARD);
                    }
                }
            }
        }
    }
}
