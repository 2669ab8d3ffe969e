package io.vecta.sdk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageCodecTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final Probe PROBE = new Probe(0x0102_0304L, -7, "ab", "xyz", ApiBytes.of((byte) 0xde, (byte) 0xad));

    @Test
    void shouldEncodePackedBigEndianWithTheMessageIdFirst() {
        byte[] payload = Probe.CODEC.encode(PROBE, 0x0515);

        assertThat(HEX.formatHex(payload)).isEqualTo("0515" + "01020304" + "fffffff9" + "6162000000000000"
                + "00000003" + "78797a" + "02" + "dead");
        assertThat(payload).hasSize(Probe.CODEC.payloadSize(PROBE));
        assertThat(Probe.CODEC.decode(payload)).isEqualTo(PROBE);
    }

    @Test
    void shouldEncodeIntoABufferAtItsPositionWhateverItsByteOrder() {
        ByteBuffer buffer = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        buffer.position(3);

        Probe.CODEC.encode(PROBE, 9, buffer);

        assertThat(buffer.position()).isEqualTo(3 + Probe.CODEC.payloadSize(PROBE));
        assertThat(buffer.get(3)).isEqualTo((byte) 0);
        assertThat(buffer.get(4)).isEqualTo((byte) 9);
        assertThat(Probe.CODEC.decode(buffer.flip().position(3))).isEqualTo(PROBE);
    }

    @Test
    void shouldKeyTheCodecByNameAndEightHexDigitsOfItsCrc() {
        assertThat(Probe.CODEC.key()).isEqualTo("probe_0badcafe");
        assertThat(Probe.CODEC.minimumPayloadSize()).isEqualTo(2 + Probe.MIN_SIZE);
        assertThat(Probe.CODEC.isFixedSize()).isFalse();
    }

    @Test
    void shouldNameTheMessageAndFieldOfATruncatedPayload() {
        byte[] payload = Probe.CODEC.encode(PROBE, 1);
        byte[] cut = java.util.Arrays.copyOf(payload, 12);

        assertThatThrownBy(() -> Probe.CODEC.decode(cut)).isInstanceOf(ApiCodecException.class)
                .hasMessage("probe: field 'label' needs 8 bytes at offset 10, payload ends at 12")
                .satisfies(e -> assertThat(((ApiCodecException) e).field()).isEqualTo("label"));
    }

    @Test
    void shouldRefuseAStringLengthOrCountBeyondThePayload() {
        byte[] payload = Probe.CODEC.encode(PROBE, 1);
        byte[] longName = payload.clone();
        longName[18] = 0x7f;
        byte[] bigCount = payload.clone();
        bigCount[25] = (byte) 200;

        assertThatThrownBy(() -> Probe.CODEC.decode(longName)).isInstanceOf(ApiCodecException.class)
                .hasMessageStartingWith("probe: field 'name' length 2130706435 is more than the");
        assertThatThrownBy(() -> Probe.CODEC.decode(bigCount)).isInstanceOf(ApiCodecException.class)
                .hasMessage("probe: field 'n' count 200 needs at least 200 bytes, only 2 left in the payload");
    }

    @Test
    void shouldRejectBytesAfterTheLastField() {
        byte[] payload = java.util.Arrays.copyOf(Probe.CODEC.encode(PROBE, 1), 30);

        assertThatThrownBy(() -> Probe.CODEC.decode(payload)).isInstanceOf(ApiCodecException.class)
                .hasMessage("probe: field '(end)' message ends at offset 28 but the payload has 30 bytes");
    }

    @Test
    void shouldRejectValuesOutsideTheirFieldsRange() {
        assertThatThrownBy(() -> Probe.CODEC.encode(new Probe(1L << 32, 0, "", "", ApiBytes.EMPTY), 1))
                .isInstanceOf(ApiCodecException.class)
                .hasMessage("probe: field 'context' value 4294967296 is outside 0..4294967295");
        assertThatThrownBy(() -> Probe.CODEC.encode(new Probe(0, 0, "12345678", "", ApiBytes.EMPTY), 1))
                .hasMessage("probe: field 'label' holds at most 7 bytes of text, got 8");
        assertThatThrownBy(() -> Probe.CODEC.encode(new Probe(0, 0, "", "", ApiBytes.zeros(256)), 1))
                .hasMessage("probe: field 'n' cannot hold 256 elements (at most 255)");
        assertThatThrownBy(() -> Probe.CODEC.encode(PROBE, 0x10000))
                .hasMessage("probe: field '_vl_msg_id' value 65536 is outside 0..65535");
    }

    @Test
    void shouldWriteF64LittleEndianAsVppDoesAndOtherScalarsBigEndian() {
        byte[] bytes = new byte[8 + 2 + 1 + 8];
        ApiWriter out = ApiWriter.over("t", ByteBuffer.wrap(bytes));
        out.f64(1.5, "f");
        out.u16(0xabcd, "u");
        out.bool(true, "b");
        out.u64(-1L, "big");

        assertThat(HEX.formatHex(bytes)).isEqualTo("000000000000f83f" + "abcd" + "01" + "ffffffffffffffff");
        ApiReader in = ApiReader.over("t", ByteBuffer.wrap(bytes));
        assertThat(in.f64("f")).isEqualTo(1.5);
        assertThat(in.u16("u")).isEqualTo(0xabcd);
        assertThat(in.bool("b")).isTrue();
        assertThat(in.u64("big")).isEqualTo(-1L);
    }

    @Test
    void shouldReadAFixedStringUpToItsFirstNul() {
        byte[] bytes = {'h', 'i', 0, 'x', 'y', 0};
        assertThat(ApiReader.over("t", ByteBuffer.wrap(bytes)).fixedString(6, "s")).isEqualTo("hi");
    }

    @Test
    void shouldCheckEnumBaseRangesSignedAndUnsigned() {
        ApiWriter out = ApiWriter.over("t", ByteBuffer.allocate(8));
        assertThatThrownBy(() -> out.unsigned(256, 1, "e")).hasMessage("t: field 'e' value 256 is outside 0..255");
        assertThatThrownBy(() -> out.signed(-129, 1, "e")).hasMessage("t: field 'e' value -129 is outside -128..127");
    }

    @Test
    void shouldFindCodecsByClassNameAndKeyAndRefuseANameTwice() {
        ApiCodecs codecs = ApiCodecs.of(List.of(Probe.CODEC));

        assertThat(codecs.forClass(Probe.class)).containsSame(Probe.CODEC);
        assertThat(codecs.forName("probe")).containsSame(Probe.CODEC);
        assertThat(codecs.forKey("probe_0badcafe")).containsSame(Probe.CODEC);
        assertThat(codecs.forKey("probe_00000000")).isEmpty();
        MessageCodec<Probe> other = new MessageCodec<>("probe", 1, Probe.class, 0, true) {
            @Override
            protected int bodySize(Probe message) {
                return 0;
            }

            @Override
            protected void write(Probe message, ApiWriter out) {
            }

            @Override
            protected Probe read(ApiReader in) {
                return PROBE;
            }

            @Override
            protected void writeJson(Probe message, JsonOut out) {
            }

            @Override
            protected Probe readJson(JsonIn json) {
                return PROBE;
            }
        };
        assertThatThrownBy(() -> ApiCodecs.of(List.of(Probe.CODEC, other)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'probe' is defined twice");
    }
}
