package io.vecta.api.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.api.compiler.model.ApiFile;
import io.vecta.api.compiler.model.Field;
import io.vecta.api.compiler.model.FieldShape;
import io.vecta.api.compiler.model.Message;
import io.vecta.api.compiler.model.OptionValue;
import io.vecta.api.compiler.model.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The model against what VPP's generator wrote to JSON for each file of its tree: every message's
 * fields with their options, its options and comment, and the file's services, written and implied.
 */
class VppJsonOutputTest {

    private static final Map<String, ApiFile> FILES = new LinkedHashMap<>();
    private static final Map<String, Map<String, Object>> JSON = new LinkedHashMap<>();

    @BeforeAll
    static void load() throws ApiCompileException, IOException {
        Path src = ReferenceData.sourceTree();
        Path jsonRoot = ReferenceData.root().resolve("vpp-api-json");
        ApiLoader loader = new ApiLoader(src);
        for (Path file : ApiCrcs.apiFiles(ReferenceData.root().resolve("vpp-api"))) {
            Path relative = ReferenceData.root().resolve("vpp-api").relativize(file);
            String name = src.relativize(file).toString();
            FILES.put(name, loader.load(file));
            @SuppressWarnings("unchecked")
            Map<String, Object> json = (Map<String, Object>) MiniJson.parse(
                    Files.readString(jsonRoot.resolve(relative + ".json")));
            JSON.put(name, json);
        }
    }

    @Test
    void shouldDescribeEveryMessageAsVppsJsonDoes() {
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<String, ApiFile> entry : FILES.entrySet()) {
            List<?> jsonMessages = (List<?>) JSON.get(entry.getKey()).get("messages");
            List<Message> messages = entry.getValue().messages();
            if (jsonMessages.size() != messages.size()) {
                mismatches.add(entry.getKey() + ": " + jsonMessages.size() + " messages in JSON, " + messages.size()
                        + " loaded");
                continue;
            }
            for (int i = 0; i < messages.size(); i++) {
                List<?> want = (List<?>) jsonMessages.get(i);
                List<Object> got = describe(messages.get(i));
                @SuppressWarnings("unchecked")
                Map<String, Object> wantTrailer = new LinkedHashMap<>((Map<String, Object>) want.getLast());
                wantTrailer.remove("crc");
                List<Object> wantWithoutCrc = new ArrayList<>(want.subList(0, want.size() - 1));
                wantWithoutCrc.add(wantTrailer);
                if (!wantWithoutCrc.equals(got)) {
                    mismatches.add(entry.getKey() + " " + messages.get(i).name() + ":\n  JSON " + wantWithoutCrc
                            + "\n  ours " + got);
                }
                compared++;
            }
        }
        assertThat(mismatches).as("messages described differently (%d)", mismatches.size()).isEmpty();
        assertThat(compared).isEqualTo(2207);
    }

    @Test
    void shouldImplyAndKeepTheServicesVppsJsonLists() {
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, ApiFile> entry : FILES.entrySet()) {
            Object want = JSON.get(entry.getKey()).get("services");
            Map<String, Object> got = new LinkedHashMap<>();
            for (Service service : entry.getValue().services()) {
                Map<String, Object> described = new LinkedHashMap<>();
                described.put("reply", service.reply().orElse("null"));
                if (service.stream()) {
                    described.put("stream", true);
                }
                service.streamMessage().ifPresent(message -> described.put("stream_msg", message));
                if (!service.events().isEmpty()) {
                    described.put("events", service.events());
                }
                got.put(service.caller(), described);
            }
            if (!want.equals(got)) {
                mismatches.add(entry.getKey() + ":\n  JSON " + want + "\n  ours " + got);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /** A message in the JSON's shape: name, fields (with _vl_msg_id), then options and comment. */
    private static List<Object> describe(Message message) {
        List<Object> out = new ArrayList<>();
        out.add(message.name());
        out.add(List.of("u16", "_vl_msg_id"));
        for (Field field : message.fields()) {
            List<Object> described = new ArrayList<>();
            described.add(field.type().typeName());
            described.add(field.name());
            switch (field.shape()) {
                case FieldShape.Scalar ignored -> {
                }
                case FieldShape.Fixed(int length) -> described.add((long) length);
                case FieldShape.Counted(String lengthField) -> {
                    described.add(0L);
                    described.add(lengthField);
                }
                case FieldShape.Open ignored -> described.add(0L);
            }
            if (!field.options().isEmpty()) {
                described.add(json(field.options()));
            }
            out.add(described);
        }
        Map<String, Object> trailer = new LinkedHashMap<>();
        trailer.put("options", json(message.options()));
        message.comment().ifPresent(comment -> trailer.put("comment", comment));
        out.add(trailer);
        return out;
    }

    private static Map<String, Object> json(Map<String, OptionValue> options) {
        Map<String, Object> out = new LinkedHashMap<>();
        options.forEach((name, value) -> out.put(name, switch (value) {
            case OptionValue.Flag ignored -> null;
            // VPP's lexer hands 'true' on as the word, 'false' as a boolean
            case OptionValue.Bool(boolean b) -> b ? "true" : (Object) Boolean.FALSE;
            case OptionValue.Integer(long n) -> n;
            case OptionValue.Real(double d) -> d;
            case OptionValue.Text(String text) -> text;
            case OptionValue.Name(String word) -> word;
        }));
        return out;
    }
}
