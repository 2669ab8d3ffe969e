package io.vecta.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageTableTest {

    private static ApiModule module(String name, int crc, String... messages) {
        ApiModule.Builder builder = ApiModule.builder(name, crc);
        for (int i = 0; i < messages.length; i++) {
            builder.message(ApiMessage.sent(messages[i], 0x1000 + i));
        }
        return builder.build();
    }

    @Test
    void shouldGiveMemclntItsFixedIds() {
        MessageTable table = ApiRegistry.withMemclnt().table();

        assertThat(table.id("sockclnt_create_455fb9c4")).contains(15);
        assertThat(table.id("sockclnt_create_reply_35166268")).contains(16);
        assertThat(table.id("sockclnt_delete_8ac76db6")).contains(17);
        assertThat(table.id("get_first_msg_id_ebf79a66")).contains(10);
        assertThat(table.id("control_ping_51077d14")).contains(23);
        assertThat(table.id("control_ping_reply_f6b0b8ca")).contains(24);
        assertThat(table.id("memclnt_create_9c5e1c2f")).contains(1);
        assertThat(table.id("get_api_json_reply_ea715b59")).contains(28);
        assertThat(table.ids()).hasSize(28);
        assertThat(table.lastId()).isEqualTo(28);
        assertThat(table.firstId("memclnt_b197c551")).isEmpty();
    }

    @Test
    void shouldGiveEachModuleABlockFrom29InRegistrationOrder() {
        MessageTable table = ApiRegistry.withMemclnt()
                .register(module("vpe", 0x33b45969, "show_version", "show_version_reply"))
                .register(module("acme", 0x12, "acme_enable", "acme_enable_reply", "acme_event"))
                .table();

        assertThat(table.firstId("vpe_33b45969")).contains(29);
        assertThat(table.firstId("acme_00000012")).contains(31);
        assertThat(table.id("show_version_00001000")).contains(29);
        assertThat(table.id("show_version_reply_00001001")).contains(30);
        assertThat(table.id("acme_event_00001002")).contains(33);
        assertThat(table.message(33)).map(ApiMessage::name).contains("acme_event");
        assertThat(table.message(0)).isEmpty();
        assertThat(table.message(34)).isEmpty();
        assertThat(table.lastId()).isEqualTo(33);
    }

    @Test
    void shouldKeepTheFirstIdOfANameRegisteredTwice() {
        MessageTable table = ApiRegistry.withMemclnt()
                .register(module("one", 1, "same"))
                .register(module("two", 2, "same"))
                .table();

        assertThat(table.id("same_00001000")).contains(29);
        assertThat(table.message(30)).map(ApiMessage::key).contains("same_00001000");
        assertThat(table.ignoredKeys()).containsExactly("same_00001000");
    }

    @Test
    void shouldRefuseAModuleTwiceAndRegistrationAfterTheTableIsBuilt() {
        ApiRegistry registry = ApiRegistry.withMemclnt().register(module("one", 1, "a"));

        assertThatThrownBy(() -> registry.register(module("one", 1, "b")))
                .hasMessage("api module one_00000001 is registered twice");
        registry.table();
        assertThatThrownBy(() -> registry.register(module("late", 3, "c")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("api module late_00000003: registered after the message table was built; clients already"
                        + " know their ids");
    }

    @Test
    void shouldRefuseMessagesThatDoNotFitTheWire() {
        assertThatThrownBy(() -> ApiMessage.sent("x".repeat(60), 1))
                .hasMessageContaining("longer than the 63 characters");
        assertThatThrownBy(() -> new ApiMessage("m", 1, 8, 6, false, java.util.Optional.empty()))
                .hasMessage("api message 'm': context at offset 6 is outside its fixed part of 8 bytes");
        assertThatThrownBy(() -> ApiMessage.sent("Bad-Name", 1)).hasMessageContaining("lowercase");
        assertThatThrownBy(() -> MessageTable.build(module("boot", 0, "a"), List.of(module("big", 1,
                java.util.stream.IntStream.range(0, 0x10000).mapToObj(i -> "m" + i).toArray(String[]::new)))))
                .hasMessage("api message table: module 'big' needs ids 2..65537, past the largest id 65535");
    }
}
