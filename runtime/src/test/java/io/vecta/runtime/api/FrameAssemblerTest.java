package io.vecta.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameAssemblerTest {

    private static byte[] frames(int count, long seed) {
        Random random = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            ByteBuffer payload = RawApiClient.payload(2 + random.nextInt(300));
            random.nextBytes(payload.array());
            payload.putShort(0, (short) i);
            out.writeBytes(RawApiClient.frame(payload));
        }
        return out.toByteArray();
    }

    private static List<byte[]> payloads(byte[] stream) {
        List<byte[]> payloads = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(stream);
        while (in.hasRemaining()) {
            int length = in.getInt(in.position() + 8);
            byte[] payload = new byte[length];
            in.get(in.position() + 16, payload);
            payloads.add(payload);
            in.position(in.position() + 16 + length);
        }
        return payloads;
    }

    private static List<byte[]> collect(List<ByteBuffer> got) {
        return got.stream().map(b -> {
            byte[] bytes = new byte[b.remaining()];
            b.get(b.position(), bytes);
            return bytes;
        }).toList();
    }

    @Test
    void shouldCutManyFramesOutOfOneRead() {
        byte[] stream = frames(50, 7);
        List<ByteBuffer> got = new ArrayList<>();

        new FrameAssembler(1 << 20).feed(ByteBuffer.wrap(stream), got::add);

        assertThat(collect(got)).containsExactlyElementsOf(payloads(stream));
    }

    @Test
    void shouldJoinFramesSplitAnywhere() {
        long seed = 42;
        Random random = new Random(seed);
        byte[] stream = frames(40, seed);
        FrameAssembler assembler = new FrameAssembler(1 << 20);
        List<ByteBuffer> got = new ArrayList<>();

        for (int at = 0; at < stream.length; ) {
            int n = Math.min(stream.length - at, random.nextInt(40));
            assembler.feed(ByteBuffer.wrap(stream, at, n), got::add);
            at += n;
        }

        assertThat(collect(got)).as("seed %d", seed).containsExactlyElementsOf(payloads(stream));
        assertThat(assembler.inFrame()).isFalse();
    }

    @Test
    void shouldJoinAFrameFedOneByteAtATime() {
        byte[] stream = frames(3, 1);
        FrameAssembler assembler = new FrameAssembler(1 << 20);
        List<ByteBuffer> got = new ArrayList<>();

        for (int i = 0; i < stream.length - 1; i++) {
            assembler.feed(ByteBuffer.wrap(stream, i, 1), got::add);
        }
        assertThat(assembler.inFrame()).isTrue();
        assertThat(got).hasSize(2);
        assembler.feed(ByteBuffer.wrap(stream, stream.length - 1, 1), got::add);

        assertThat(collect(got)).containsExactlyElementsOf(payloads(stream));
    }

    @Test
    void shouldRefuseALengthPastTheLimitNamingBoth() {
        byte[] header = new byte[16];
        ByteBuffer.wrap(header).putInt(8, 0x7fff_0000);

        assertThatThrownBy(() -> new FrameAssembler(64 << 20).feed(ByteBuffer.wrap(header), b -> { }))
                .isInstanceOf(ApiProtocolException.class)
                .hasMessage("api frame announces 2147418112 payload bytes, more than the limit of 67108864");
    }

    @Test
    void shouldTakeTheLengthAsUnsigned() {
        byte[] header = new byte[16];
        ByteBuffer.wrap(header).putInt(8, 0xffff_fff0);

        assertThatThrownBy(() -> new FrameAssembler(64 << 20).feed(ByteBuffer.wrap(header), b -> { }))
                .hasMessageStartingWith("api frame announces 4294967280 payload bytes");
    }
}
