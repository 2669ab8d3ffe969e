package io.vecta.sdk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonTest {

    private static final Probe PROBE = new Probe(4_000_000_000L, -1, "q\"\\\n", "t\u0001é", ApiBytes.of((byte) 0, (byte) 0xff));

    @Test
    void shouldWriteFieldNamesAsInTheApiFileAndBytesAsHex() {
        assertThat(Probe.CODEC.toJson(PROBE)).isEqualTo("{\"context\":4000000000,\"retval\":-1,"
                + "\"label\":\"q\\\"\\\\\\n\",\"name\":\"t\\u0001é\",\"n\":2,\"data\":\"0x00ff\"}");
    }

    @Test
    void shouldReadBackWhatItWrites() {
        assertThat(Probe.CODEC.fromJson(Probe.CODEC.toJson(PROBE))).isEqualTo(PROBE);
    }

    @Test
    void shouldReadWhiteSpaceEscapesAndMembersInAnyOrder() {
        Probe probe = Probe.CODEC.fromJson("""
                { "data" : "0xAB", "name" : "\\u0041\\/", "label": "", "retval": -5, "context": 1.0e1 }
                """);
        assertThat(probe).isEqualTo(new Probe(10, -5, "", "A/", ApiBytes.of((byte) 0xab)));
    }

    @Test
    void shouldWriteAndReadUnsigned64BitAndSpecialDoubles() {
        JsonOut out = new JsonOut().beginArray().unsignedValue(-1L).value(Double.NaN).value(Double.NEGATIVE_INFINITY)
                .value(-0.0).endArray();
        assertThat(out.toString()).isEqualTo("[18446744073709551615,NaN,-Infinity,-0.0]");
        var elements = JsonIn.parse(out.toString(), "t").elements();
        assertThat(elements.get(0).u64()).isEqualTo(-1L);
        assertThat(elements.get(1).f64()).isNaN();
        assertThat(elements.get(2).f64()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Double.doubleToRawLongBits(elements.get(3).f64())).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void shouldNameThePathOfAMissingOrMistypedValue() {
        assertThatThrownBy(() -> Probe.CODEC.fromJson("{\"context\":1}")).isInstanceOf(ApiCodecException.class)
                .hasMessage("probe: field 'retval' is missing");
        assertThatThrownBy(() -> Probe.CODEC.fromJson("{\"context\":-1}"))
                .hasMessage("probe: field 'context' value -1 is outside 0..4294967295");
        assertThatThrownBy(() -> Probe.CODEC.fromJson("{\"context\":1.5}"))
                .hasMessage("probe: field 'context' value 1.5 is not a whole number");
        assertThatThrownBy(() -> JsonIn.parse("{\"a\":[1,{\"b\":true}]}", "t").field("a").elements().get(1)
                .field("b").string()).hasMessage("t: field 'a[1].b' is not a string");
        assertThatThrownBy(() -> JsonIn.parse("{\"a\":\"0xabc\"}", "t").field("a").bytes())
                .hasMessageStartingWith("t: field 'a' is not a 0x-prefixed hex string");
    }

    @Test
    void shouldRefuseBrokenDocumentsHugeExponentsAndDeepNesting() {
        for (String broken : new String[] {"", "{", "{\"a\" 1}", "[1,]", "tru", "\"\\x\"", "{} x", "-", "\"\\u12"}) {
            assertThatThrownBy(() -> JsonIn.parse(broken, "t")).as(broken).isInstanceOf(ApiCodecException.class)
                    .hasMessageStartingWith("t: field '(document)' is not valid JSON");
        }
        assertThatThrownBy(() -> JsonIn.parse("1e999999999", "t").u64())
                .hasMessage("t: field '(document)' value 1e999999999 is outside every integer field's range");
        assertThatThrownBy(() -> JsonIn.parse("[".repeat(100) + "]".repeat(100), "t"))
                .hasMessageContaining("nested deeper than 64");
    }

    @Test
    void shouldCompareBytesByContentAndPrintThemAsHex() {
        byte[] raw = {1, 2};
        ApiBytes bytes = ApiBytes.of(raw);
        raw[0] = 9;
        assertThat(bytes).isEqualTo(ApiBytes.fromHex("0x0102")).hasSameHashCodeAs(ApiBytes.fromHex("0102"));
        assertThat(bytes.toString()).isEqualTo("0x0102");
        assertThat(bytes.padTo(4)).isEqualTo(ApiBytes.fromHex("0x01020000"));
        assertThat(bytes.get(1)).isEqualTo(2);
    }
}
