package io.vecta.runtime.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.nativeio.linux.MemfdRegion;
import io.vecta.runtime.Version;
import io.vecta.runtime.buffer.BufferPool;
import io.vecta.runtime.dispatch.ThreadRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemCommandsTest {

    private static final Pattern TIME_NOW = Pattern.compile(
            "Time now (\\d*\\.\\d{6}), [A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");

    @TempDir
    static Path shared;

    private static Path pluginJar;

    @TempDir
    Path temp;

    private RuntimeShell cli;

    @BeforeAll
    static void buildPlugin() {
        pluginJar = RuntimeShell.pluginJar(shared);
    }

    @BeforeEach
    void start() {
        cli = RuntimeShell.start(temp.resolve("run"), pluginJar.getParent());
    }

    @AfterEach
    void close() {
        cli.close();
    }

    /** The words of the line of a table whose first word is {@code first}. */
    private static List<String> row(String table, String first) {
        List<String> rows = table.lines().filter(line -> line.strip().startsWith(first + " ")).toList();
        assertThat(rows).as("one row of %s in:%n%s", first, table).hasSize(1);
        return List.of(rows.getFirst().strip().split(" +"));
    }

    @Test
    void shouldShowTheVersionAndMoreWhenVerbose() {
        assertThat(cli.ok("show version")).startsWith("vecta " + Version.VERSION).endsWith("\n").hasLineCount(1);

        String verbose = cli.ok("show version verbose");

        assertThat(verbose.lines().toList()).startsWith("Version:                  " + Version.VERSION)
                .contains("Current PID:              " + ProcessHandle.current().pid(),
                        "Java version:             " + Runtime.version());
        assertThat(cli.error("show version brief")).isEqualTo("show version: unknown input 'brief'; expected verbose\n");
    }

    @Test
    void shouldListThePluginPathAndEachPluginWithItsOrigin() {
        String text = cli.ok("show plugins");

        List<String> lines = text.lines().toList();
        assertThat(lines.getFirst()).isEqualTo(" Plugin path is: " + pluginJar.getParent() + ", plugins shown in load"
                + " order");
        assertThat(row(text, "1.")).startsWith("1.", "builtin", "0.1.0", "Nodes");
        assertThat(row(text, "2.")).containsExactly("2.", RuntimeShell.PLUGIN, RuntimeShell.PLUGIN_VERSION, "counts",
                "even", "flows", "and", "punts", "odd", "ones");
        assertThat(lines).containsSubsequence("     from class path", "     from " + pluginJar);
        assertThat(lines).hasSize(2 + 1 + 2 * 2);
        assertThat(cli.error("show plugins verbose")).isEqualTo("show plugins: unknown input 'verbose'\n");
    }

    @Test
    void shouldListTheDispatchThreadsWithTheirLoops() {
        ThreadRuntime main = cli.runtime.mainThread();
        main.runOnce();
        main.runOnce();
        main.runOnce();

        String text = cli.ok("show threads");

        assertThat(text.lines().toList().getFirst().strip().split(" +"))
                .containsExactly("ID", "Name", "LWP", "CPU", "Sched", "Loops");
        assertThat(row(text, "0")).as("a main thread that has not started its loop: no LWP, no core")
                .containsExactly("0", "vecta_main", "-", "-", "-", "3");
        assertThat(text.lines()).hasSize(2);
        assertThat(cli.ok("clear runtime")).isEmpty();
        assertThat(row(cli.ok("show threads"), "0")).as("clear runtime keeps the loops").last().isEqualTo("3");
    }

    @Test
    void shouldCountBuffersFreeCachedAndInUse() {
        int[] held = new int[5];
        cli.runtime.mainThread().allocator().allocExactly(held, 0, held.length);
        cli.send("acme-counter", 0, 1, 2);
        BufferPool pool = cli.runtime.bufferPools().pools().getFirst();

        String text = cli.ok("show buffers");

        assertThat(text.lines().toList().getFirst()).startsWith("Pool Name").contains("Total", "Avail", "Cached", "Used");
        List<String> row = row(text, pool.name());
        assertThat(pool.total()).as("buffers-per-numa 2048, rounded up to whole pages").isGreaterThanOrEqualTo(2048);
        assertThat(row.subList(0, 6)).containsExactly(pool.name(), "0", "0", "2304", "2048",
                Integer.toString(pool.total()));
        int available = Integer.parseInt(row.get(6));
        int cached = Integer.parseInt(row.get(7));
        assertThat(row.get(8)).as("the five held; the three sent were freed").isEqualTo("5");
        assertThat(available + cached + 5).isEqualTo(pool.total());
        assertThat(cached).isEqualTo(pool.cached(0)).isPositive();

        String detail = cli.ok("show buffers detail");
        assertThat(detail).startsWith(text.lines().limit(2).map(line -> line + "\n").reduce("", String::concat));
        assertThat(row(detail, "thread")).containsExactly("thread", "0", Integer.toString(cached));
        assertThat(cli.error("show buffers all")).isEqualTo("show buffers: unknown input 'all'; expected detail\n");
        cli.runtime.mainThread().allocator().free(held, 0, held.length);
    }

    @Test
    void shouldShowTheJvmMemoryTheBufferMappingAndEachThread() {
        MemfdRegion region = cli.runtime.bufferPools().region();

        String text = cli.ok("show memory");

        assertThat(text).startsWith("JVM heap: used ").contains("\nJVM non-heap: used ", "\nBuffer memory\n",
                "\nThread 0 vecta_main\n  heap allocated since start: ");
        assertThat(row(text, String.format("%016x", region.segment().address())))
                .containsSequence(Integer.toString(region.fd()), "4k", Long.toString(region.size() / 4096),
                        region.name());
        assertThat(cli.error("show memory verbose")).isEqualTo("show memory: unknown input 'verbose'\n");
    }

    @Test
    void shouldShowTheTimeSinceTheRuntimeStarted() {
        long before = System.nanoTime() - cli.runtime.clock().startNanos();
        String text = cli.ok("show clock");
        long after = System.nanoTime() - cli.runtime.clock().startNanos();

        List<String> lines = text.lines().toList();
        Matcher time = TIME_NOW.matcher(lines.getFirst());
        assertThat(time.matches()).as(lines.getFirst()).isTrue();
        double seconds = Double.parseDouble(time.group(1));
        assertThat(seconds).isBetween(Math.floor(before / 1e3) / 1e6, Math.ceil(after / 1e3) / 1e6);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).matches("0: Time now \\d*\\.\\d{6}");
        assertThat(lines.get(2)).isEqualTo("Thread 0 offset 0.000000000");

        String verbose = cli.ok("show clock verbose");
        assertThat(verbose).contains("cpu time ", " since start ", "\nreftime ", ", clocks/sec 1000000000.000000, ");
        assertThat(cli.error("show clock brief")).isEqualTo("show clock: unknown input 'brief'; expected verbose\n");
    }

    @Test
    void shouldShowTheLogRecordsUntilClearLogging() {
        System.Logger logger = System.getLogger("io.vecta.runtime.cli.commands");
        String first = "first record " + UUID.randomUUID();
        String second = "second record " + UUID.randomUUID();
        logger.log(System.Logger.Level.INFO, first);

        assertThat(cli.ok("show logging").lines().filter(line -> line.endsWith(first)).toList()).singleElement()
                .satisfies(line -> assertThat(line).matches(
                        "\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}:\\d{3} info       runtime.cli.commands " + first));

        assertThat(cli.ok("clear logging")).isEmpty();
        assertThat(cli.ok("show logging")).isEmpty();
        logger.log(System.Logger.Level.WARNING, second);
        assertThat(cli.ok("show logging")).doesNotContain(first).contains(" warn       runtime.cli.commands " + second);
        assertThat(cli.error("show logging all")).isEqualTo("show logging: unknown input 'all'\n");
        assertThat(cli.error("clear logging all")).isEqualTo("clear logging: unknown input 'all'\n");
    }

    @Test
    void shouldSayWhyWithoutARuntimeAndRunWhatNeedsNone() {
        try (RuntimeShell bare = RuntimeShell.startWithoutRuntimeService(temp.resolve("bare"))) {
            for (String command : List.of("show runtime", "clear runtime", "show errors", "show node counters",
                    "clear errors", "show node null-node", "show vlib graph", "show vlib graphviz", "show plugins",
                    "show threads", "show buffers", "show memory", "show clock")) {
                assertThat(bare.error(command)).isEqualTo(command.replace(" null-node", "")
                        + ": no runtime to report on: this CLI runs without a VectaRuntime service\n");
            }
            assertThat(bare.ok("show version")).startsWith("vecta ");
            assertThat(bare.ok("clear logging")).isEmpty();
            assertThat(bare.ok("show logging")).isEmpty();
        }
    }
}
