package io.vecta.sdk.elog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventLogFormatTest {

    private final EventCatalog catalog = new EventCatalog();

    @Test
    void shouldPrintEachConversionOfItsDataWord() {
        EventType type = catalog.register("node %s: %d vectors");
        int name = catalog.intern("ip4-input");

        assertThat(type.format().format(catalog, new long[] {name, 256})).isEqualTo("node ip4-input: 256 vectors");
        assertThat(catalog.register("flags %x, delta %d, 100%%").format().format(catalog, new long[] {0xbeef, -3}))
                .isEqualTo("flags 0xbeef, delta -3, 100%");
        assertThat(catalog.register("no arguments").format().format(catalog, new long[] {1, 2}))
                .isEqualTo("no arguments");
    }

    @Test
    void shouldRegisterAFormatOnceAndInternAStringOnce() {
        EventType first = catalog.register("once %d");
        EventType again = catalog.register("once %d");
        EventType begin = catalog.register("once %d", EventType.Span.BEGIN);

        assertThat(again).isSameAs(first);
        assertThat(begin.id()).isNotEqualTo(first.id());
        assertThat(catalog.type(begin.id())).isSameAs(begin);
        assertThat(catalog.intern("error-drop")).isEqualTo(catalog.intern("error-drop"))
                .isNotEqualTo(catalog.intern("error-punt"));
        assertThat(catalog.string(catalog.intern("error-punt"))).isEqualTo("error-punt");
        assertThat(catalog.string(9_999)).isEqualTo("<no string 9999>");
    }

    @Test
    void shouldRefuseFormatsThatDoNotFitAnEvent() {
        assertThatThrownBy(() -> catalog.register("%d %d %d"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event format '%d %d %d': more than 2 conversions, and an event holds 2 data words");
        assertThatThrownBy(() -> catalog.register("rate %f"))
                .hasMessage("event format 'rate %f': unknown conversion %f at offset 5 (known: %d %x %s %%)");
        assertThatThrownBy(() -> catalog.register("tail %")).hasMessage("event format 'tail %': ends with a lone %");
        assertThatThrownBy(() -> catalog.type(12_345)).hasMessageContaining("no type 12345");
    }
}
