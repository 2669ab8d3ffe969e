package io.vecta.sdk.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.vecta.api.compiler.model.Alias;
import io.vecta.api.compiler.model.ApiFile;
import io.vecta.api.compiler.model.ApiType;
import io.vecta.api.compiler.model.BaseType;
import io.vecta.api.compiler.model.EnumDef;
import io.vecta.api.compiler.model.Field;
import io.vecta.api.compiler.model.FieldShape;
import io.vecta.api.compiler.model.Message;
import io.vecta.api.compiler.model.TypeDef;
import io.vecta.api.compiler.model.Union;
import io.vecta.sdk.api.ApiCodecException;
import io.vecta.sdk.api.ApiCodecs;
import io.vecta.sdk.api.ApiMessage;
import io.vecta.sdk.api.MessageCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every message of VPP's core modules, generated, compiled and run: seeded random values survive
 * the wire and JSON, sizes match the layout, and bad payloads only ever raise the codec's own
 * exception.
 */
class GeneratedCodecCorpusTest {

    private static final long SEED = 0x5eed_a51L;
    private static final int VALUES_PER_MESSAGE = 4;
    private static final int RANDOM_PAYLOADS_PER_MESSAGE = 40;

    @Test
    void shouldRoundTripEveryCoreMessageThroughTheWireAndJson() throws Exception {
        ApiCorpus corpus = ApiCorpus.get();
        Random random = new Random(SEED);
        int checked = 0;
        for (ApiFile file : corpus.files) {
            RandomApiValues values = new RandomApiValues(corpus, file, random);
            for (Message message : file.messages()) {
                MessageCodec<ApiMessage> codec = codec(corpus, file, message);
                for (int i = 0; i < VALUES_PER_MESSAGE; i++) {
                    ApiMessage value = (ApiMessage) values.message(message);
                    int id = 1 + random.nextInt(0xfffe);
                    String where = message.name() + " (seed " + SEED + ", value " + value + ")";
                    byte[] payload = codec.encode(value, id);
                    assertThat(payload.length).as(where).isEqualTo(codec.payloadSize(value));
                    assertThat(((payload[0] & 0xff) << 8) | (payload[1] & 0xff)).as(where).isEqualTo(id);
                    assertThat((Object) codec.decode(payload)).as(where).isEqualTo(value);
                    String json = codec.toJson(value);
                    for (Field field : message.fields()) {
                        assertThat(json).as(where).contains("\"" + field.name() + "\":");
                    }
                    assertThat((Object) codec.fromJson(json)).as(where + " json " + json).isEqualTo(value);
                    assertThat(value.codec()).isSameAs(codec);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }

    @Test
    void shouldEncodeFixedSizeMessagesToTheSumOfTheirFieldSizes() throws Exception {
        ApiCorpus corpus = ApiCorpus.get();
        Random random = new Random(SEED);
        int fixed = 0;
        for (ApiFile file : corpus.files) {
            RandomApiValues values = new RandomApiValues(corpus, file, random);
            for (Message message : file.messages()) {
                MessageCodec<ApiMessage> codec = codec(corpus, file, message);
                boolean isFixed = message.fields().stream().noneMatch(GeneratedCodecCorpusTest::isVariable);
                assertThat(codec.isFixedSize()).as(message.name()).isEqualTo(isFixed);
                if (isFixed) {
                    int expected = 2 + message.fields().stream().mapToInt(f -> size(f.type(), f.shape())).sum();
                    assertThat(codec.encode((ApiMessage) values.message(message), 1)).as(message.name()).hasSize(expected);
                    assertThat(codec.minimumPayloadSize()).as(message.name()).isEqualTo(expected);
                    fixed++;
                }
            }
        }
        assertThat(fixed).isGreaterThan(100);
    }

    @Test
    void shouldGiveTheSizesVppSendsForTheHandshakeAndVersionMessages() throws Exception {
        ApiCodecs codecs = codecs(ApiCorpus.get());
        Map<String, Integer> sizes = Map.of("sockclnt_create_455fb9c4", 70, "show_version_51077d14", 10,
                "show_version_reply_c919bde1", 362, "sw_interface_details_6c221fc7", 295,
                "control_ping_reply_f6b0b8ca", 18, "cli_inband_f8377302", 14, "sw_interface_dump_aa610c27", 19);
        sizes.forEach((key, size) -> assertThat(codecs.forKey(key)).as(key).get()
                .satisfies(codec -> assertThat(codec.minimumPayloadSize()).as(key).isEqualTo(size)));
    }

    @Test
    void shouldListMessagesInVppsIdOrderUnderVppsNameCrcKeys() throws Exception {
        ApiCorpus corpus = ApiCorpus.get();
        Path table = corpus.files.getFirst().path().getParent().getParent().getParent().resolveSibling("vpp-api-crc.tsv");
        Map<String, List<String>> expected = vppMessageOrder(table);
        for (ApiFile file : corpus.files) {
            List<String> keys = new ArrayList<>();
            for (MessageCodec<?> codec : messages(corpus, file)) {
                keys.add(codec.key());
            }
            assertThat(keys).as(file.module()).isEqualTo(expected.get(file.module()));
        }
    }

    @Test
    void shouldFindCodecsByClassNameAndKey() throws Exception {
        ApiCorpus corpus = ApiCorpus.get();
        ApiCodecs codecs = codecs(corpus);
        ApiFile vpe = corpus.files.get(1);
        @SuppressWarnings("unchecked")
        Class<ApiMessage> showVersion = (Class<ApiMessage>) corpus.load(
                corpus.writer.messageClass(vpe, vpe.message("show_version").orElseThrow()).reflectionName());
        MessageCodec<ApiMessage> codec = codecs.forClass(showVersion).orElseThrow();
        assertThat(codec.key()).isEqualTo("show_version_51077d14");
        assertThat(codecs.forName("show_version")).containsSame(codec);
        assertThat(codecs.forKey("show_version_51077d14")).containsSame(codec);
        assertThat(codecs.forKey("show_version_00000000")).isEmpty();
    }

    @Test
    void shouldRaiseOnlyTheCodecExceptionForTruncatedOversizedAndRandomPayloads() throws Exception {
        ApiCorpus corpus = ApiCorpus.get();
        Random random = new Random(SEED);
        for (ApiFile file : corpus.files) {
            RandomApiValues values = new RandomApiValues(corpus, file, random);
            for (Message message : file.messages()) {
                MessageCodec<ApiMessage> codec = codec(corpus, file, message);
                byte[] payload = codec.encode((ApiMessage) values.message(message), 7);
                String where = message.name() + " (seed " + SEED + ")";
                for (int length = 0; length < payload.length; length++) {
                    byte[] truncated = Arrays.copyOf(payload, length);
                    assertThatThrownBy(() -> codec.decode(truncated)).as(where + " cut to " + length)
                            .isInstanceOf(ApiCodecException.class).hasMessageStartingWith(message.name() + ": field '");
                }
                byte[] oversized = Arrays.copyOf(payload, payload.length + 1);
                assertThatThrownBy(() -> codec.decode(oversized)).as(where).isInstanceOf(ApiCodecException.class);
                for (int i = 0; i < RANDOM_PAYLOADS_PER_MESSAGE; i++) {
                    byte[] noise = new byte[random.nextInt(payload.length * 2 + 8)];
                    random.nextBytes(noise);
                    decodeExpectingOnlyCodecErrors(codec, noise, where);
                    byte[] mutated = payload.clone();
                    mutated[random.nextInt(mutated.length)] = (byte) random.nextInt();
                    decodeExpectingOnlyCodecErrors(codec, mutated, where);
                }
                String json = codec.toJson(codec.decode(payload));
                for (int length = 0; length < json.length(); length += 1 + json.length() / 16) {
                    String cut = json.substring(0, length);
                    assertThatThrownBy(() -> codec.fromJson(cut)).as(where + " json cut to " + length)
                            .isInstanceOf(ApiCodecException.class);
                }
            }
        }
    }

    private static void decodeExpectingOnlyCodecErrors(MessageCodec<ApiMessage> codec, byte[] payload, String where) {
        try {
            codec.decode(payload);
        } catch (ApiCodecException expected) {
            assertThat(expected.messageName()).isEqualTo(codec.name());
        } catch (RuntimeException | Error e) {
            fail(where + ": decoding " + Arrays.toString(payload) + " threw " + e, e);
        }
    }

    /** Wire size of a fixed-size field, worked out from the layout rules, not from generated code. */
    private static int size(ApiType type, FieldShape shape) {
        int count = shape instanceof FieldShape.Fixed fixed ? fixed.length() : 1;
        int element = switch (type) {
            case BaseType base -> base.size();
            case EnumDef enumDef -> enumDef.base().size();
            case Alias alias -> size(alias.target(), alias.shape());
            case TypeDef typeDef -> typeDef.fields().stream().mapToInt(f -> size(f.type(), f.shape())).sum();
            case Union union -> union.arms().stream().mapToInt(f -> size(f.type(), f.shape())).max().orElseThrow();
        };
        return count * element;
    }

    private static boolean isVariable(Field field) {
        return field.isVariableLength() || (field.type() instanceof Alias alias && alias.shape().isVariableLength());
    }

    @SuppressWarnings("unchecked")
    static MessageCodec<ApiMessage> codec(ApiCorpus corpus, ApiFile file, Message message) throws Exception {
        Class<?> type = corpus.load(corpus.writer.messageClass(file, message).reflectionName());
        return (MessageCodec<ApiMessage>) type.getField("CODEC").get(null);
    }

    @SuppressWarnings("unchecked")
    private static List<MessageCodec<?>> messages(ApiCorpus corpus, ApiFile file) throws Exception {
        Class<?> module = corpus.load(corpus.writer.moduleClass(file).reflectionName());
        return (List<MessageCodec<?>>) module.getField("MESSAGES").get(null);
    }

    private static ApiCodecs codecs(ApiCorpus corpus) throws Exception {
        List<MessageCodec<?>> all = new ArrayList<>();
        for (ApiFile file : corpus.files) {
            all.addAll(messages(corpus, file));
        }
        return ApiCodecs.of(all);
    }

    /** Module → {@code name_crc} of its messages in id order, from VPP's own generator output. */
    private static Map<String, List<String>> vppMessageOrder(Path table) throws IOException {
        List<String> lines = Files.readAllLines(table);
        List<String> header = List.of(lines.getFirst().split("\t"));
        int kind = header.indexOf("kind");
        int module = header.indexOf("module");
        int name = header.indexOf("name");
        int crc = header.indexOf("crc");
        int index = header.indexOf("msg_index_in_file");
        Map<String, Map<Integer, String>> byModule = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            if (cells.length > index && cells[kind].equals("message")) {
                byModule.computeIfAbsent(cells[module], m -> new java.util.TreeMap<>())
                        .put(Integer.parseInt(cells[index]), cells[name] + "_" + cells[crc].substring(2));
            }
        }
        Map<String, List<String>> result = new HashMap<>();
        byModule.forEach((m, ordered) -> result.put(m, List.copyOf(ordered.values())));
        return result;
    }
}
