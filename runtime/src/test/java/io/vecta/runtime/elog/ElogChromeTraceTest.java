package io.vecta.runtime.elog;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.sdk.elog.EventCatalog;
import io.vecta.sdk.elog.EventType;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ElogChromeTraceTest {

    private final EventCatalog catalog = new EventCatalog();
    private final EventType call = catalog.register("node %s: %d vectors", EventType.Span.BEGIN);
    private final EventType ret = catalog.register("node %s: returns %d vectors", EventType.Span.END);
    private final EventType note = catalog.register("say \"%s\"\t%x");

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> traceEvents(String json) {
        Map<String, Object> document = (Map<String, Object>) MiniJson.parse(json);
        return (List<Map<String, Object>>) document.get("traceEvents");
    }

    @Test
    void shouldWriteSpansInstantsAndThreadNamesInChromeTraceFormat() {
        long origin = 5_000_000L;
        EventLog main = new EventLog(0, "vecta_main", 16);
        int drop = catalog.intern("error-drop");
        main.log(origin + 1_234, call.id(), drop, 256);
        main.log(origin + 2_000, note.id(), catalog.intern("a \\ b"), 255);
        main.log(origin + 3_001, ret.id(), drop, 256);

        List<Map<String, Object>> events = traceEvents(ChromeTrace.export(List.of(main), catalog, origin));

        assertThat(events).hasSize(4);
        assertThat(events.get(0)).containsEntry("ph", "M").containsEntry("name", "thread_name")
                .containsEntry("tid", BigDecimal.ZERO).containsEntry("args", Map.of("name", "vecta_main"));
        assertThat(events.get(1)).containsEntry("name", "node error-drop: 256 vectors").containsEntry("ph", "B")
                .containsEntry("ts", new BigDecimal("1.234")).containsEntry("pid", BigDecimal.ONE)
                .containsEntry("tid", BigDecimal.ZERO);
        assertThat(events.get(2)).containsEntry("name", "say \"a \\ b\"\t0xff").containsEntry("ph", "i")
                .containsEntry("s", "t").containsEntry("ts", new BigDecimal("2.000"));
        assertThat(events.get(3)).containsEntry("ph", "E").containsEntry("ts", new BigDecimal("3.001"));
    }

    @Test
    void shouldDropAReturnWhoseCallWasOverwritten() {
        EventLog main = new EventLog(0, "vecta_main", 4);
        int node = catalog.intern("ip4-input");
        for (int i = 0; i < 5; i++) {
            main.log(10 * i, i % 2 == 0 ? call.id() : ret.id(), node, i);
        }

        List<Map<String, Object>> events = traceEvents(ChromeTrace.export(List.of(main), catalog, 0));

        assertThat(main.overwritten()).isEqualTo(1);
        assertThat(events).extracting(e -> e.get("ph")).containsExactly("M", "B", "E", "B");
    }

    @Test
    void shouldPairSpansAndKeepTimeOrderOnEveryTrackOfSeveralThreads() {
        long seed = 0xc4_2024L;
        Random random = new Random(seed);
        List<EventLog> logs = List.of(new EventLog(0, "vecta_main", 64), new EventLog(1, "vecta_wk_0", 64),
                new EventLog(2, "vecta_wk_1", 64));
        long[] clocks = new long[logs.size()];
        int node = catalog.intern("ethernet-input");
        for (int i = 0; i < 500; i++) {
            int thread = random.nextInt(logs.size());
            clocks[thread] += 1 + random.nextInt(2_000);
            logs.get(thread).log(clocks[thread], call.id(), node, 256);
            clocks[thread] += 1 + random.nextInt(2_000);
            logs.get(thread).log(clocks[thread], ret.id(), node, 256);
        }

        List<Map<String, Object>> events = traceEvents(ChromeTrace.export(logs, catalog, 0));

        Map<Object, Deque<BigDecimal>> open = new HashMap<>();
        Map<Object, BigDecimal> last = new HashMap<>();
        int spans = 0;
        for (Map<String, Object> event : events) {
            Object tid = event.get("tid");
            if (event.get("ph").equals("M")) {
                continue;
            }
            BigDecimal ts = (BigDecimal) event.get("ts");
            assertThat(ts).as("seed %x: time order on tid %s", seed, tid)
                    .isGreaterThanOrEqualTo(last.getOrDefault(tid, BigDecimal.ZERO));
            last.put(tid, ts);
            Deque<BigDecimal> stack = open.computeIfAbsent(tid, t -> new ArrayDeque<>());
            if (event.get("ph").equals("B")) {
                stack.push(ts);
            } else {
                assertThat(event.get("ph")).isEqualTo("E");
                assertThat(stack).as("seed %x: E without B on tid %s at %s", seed, tid, ts).isNotEmpty();
                stack.pop();
                spans++;
            }
        }
        assertThat(open.values()).as("seed %x", seed).allSatisfy(stack -> assertThat(stack).isEmpty());
        assertThat(spans).isEqualTo(logs.stream().mapToInt(EventLog::size).sum() / 2);
        assertThat(events).filteredOn(e -> e.get("ph").equals("M")).hasSize(3);
    }
}
