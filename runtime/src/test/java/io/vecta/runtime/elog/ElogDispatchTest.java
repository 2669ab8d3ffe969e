package io.vecta.runtime.elog;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.VectaRuntime;
import io.vecta.runtime.config.RuntimeDirectory;
import io.vecta.runtime.config.StartupConfigParser;
import io.vecta.runtime.dispatch.ThreadRuntime;
import io.vecta.sdk.elog.EventCatalog;
import io.vecta.sdk.elog.EventLogger;
import io.vecta.sdk.elog.EventType;
import io.vecta.sdk.node.Frame;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElogDispatchTest {

    @TempDir
    Path runtimeDir;

    private VectaRuntime runtime;
    private ThreadRuntime main;

    @BeforeEach
    void start() {
        runtime = VectaRuntime.start(new StartupConfigParser(new RuntimeDirectory(runtimeDir))
                .parse("test.conf", "buffers { page-size 4k buffers-per-numa 2048 }"));
        main = runtime.mainThread();
    }

    @AfterEach
    void close() {
        runtime.close();
    }

    /** Puts a frame of {@code packets} fresh buffers pending to {@code node} and dispatches until quiet. */
    private void sendTo(String node, int packets) {
        int[] buffers = new int[packets];
        main.allocator().allocExactly(buffers, 0, packets);
        Frame frame = main.takeFrame();
        for (int bi : buffers) {
            frame.add(bi);
        }
        main.putPending(runtime.graph().node(node).index(), frame);
        main.drainPending();
    }

    @Test
    void shouldLogNothingWhileDispatchEventsAreOff() {
        sendTo("error-drop", 5);

        assertThat(main.dispatchEvents()).isFalse();
        assertThat(main.eventLog().events()).isEmpty();
    }

    @Test
    void shouldLogEachNodeCallAndReturnWithItsVectors() {
        main.setDispatchEvents(true);
        long before = System.nanoTime();
        sendTo("error-drop", 7);
        sendTo("error-drop", 3);
        long after = System.nanoTime();

        List<LoggedEvent> events = main.eventLog().events();
        EventCatalog catalog = EventCatalog.global();
        assertThat(events).extracting(e -> catalog.type(e.typeId()).format().format(catalog, e.data()))
                .containsExactly("node error-drop: 7 vectors", "node error-drop: returns 7 vectors",
                        "node error-drop: 3 vectors", "node error-drop: returns 3 vectors");
        assertThat(events).extracting(LoggedEvent::typeId).containsExactly(DispatchEvents.CALL.id(),
                DispatchEvents.RETURN.id(), DispatchEvents.CALL.id(), DispatchEvents.RETURN.id());
        assertThat(events).extracting(LoggedEvent::track).containsOnly(main.threadIndex());
        assertThat(events).extracting(LoggedEvent::nanos).isSorted().allSatisfy(t -> assertThat(t).isBetween(before, after));
        assertThat(main.node("error-drop").calls()).isEqualTo(2);
    }

    @Test
    void shouldStopLoggingWhenTurnedOff() {
        main.setDispatchEvents(true);
        sendTo("error-drop", 1);
        main.setDispatchEvents(false);
        sendTo("error-drop", 1);

        assertThat(main.eventLog().events()).hasSize(2);
    }

    @Test
    void shouldGiveNodesTheirThreadsRingThroughTheirContext() {
        EventType reassembled = EventCatalog.global().register("reass: %d fragments of flow %x");
        EventLogger fromNode = main.node("error-drop").eventLog();

        fromNode.log(reassembled, 3, 0xab);

        assertThat(fromNode).isSameAs(main.eventLog());
        assertThat(main.eventLog().events()).singleElement().satisfies(e -> {
            assertThat(e.typeId()).isEqualTo(reassembled.id());
            assertThat(reassembled.format().format(EventCatalog.global(), e.data()))
                    .isEqualTo("reass: 3 fragments of flow 0xab");
        });
    }

    @Test
    void shouldShowDispatchEventsWithSecondsSinceTheRuntimeStarted() {
        main.setDispatchEvents(true);
        sendTo("error-drop", 4);

        String text = EventLogText.show(List.of(main.eventLog()), EventCatalog.global(), runtime.clock().startNanos(),
                10);

        List<String> lines = text.lines().toList();
        assertThat(lines.getFirst()).isEqualTo("2 of 2 events in 1 ring, 0 overwritten");
        assertThat(lines.get(1)).matches(" {0,3}\\d+\\.\\d{9}: node error-drop: 4 vectors");
        assertThat(lines.get(2)).matches(" {0,3}\\d+\\.\\d{9}: node error-drop: returns 4 vectors");
    }
}
