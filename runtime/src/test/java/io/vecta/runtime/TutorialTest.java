package io.vecta.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vecta.runtime.cli.CliShell;
import io.vecta.runtime.cli.CommandOutcome;
import io.vecta.runtime.config.RuntimeDirectory;
import io.vecta.runtime.config.StartupConfigParser;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the tutorials under {@code docs/tutorials} as they are written: the startup.conf of the
 * first one starts an in-process runtime, and every command a reader types (the lines of the
 * {@code vecta} fenced blocks) goes through the runtime's CLI in order. Packets flow by turning
 * the main loop after each {@code packet-generator enable-stream} until the stream's limit is
 * reached. Paths under {@code /tmp/vecta-tutorial} are moved into a temporary directory.
 */
class TutorialTest {

    private static final Path TUTORIALS = Path.of("..", "docs", "tutorials");
    private static final String DOC_DIRECTORY = "/tmp/vecta-tutorial";
    private static final String PROMPT = "vecta# ";
    private static final Pattern STREAM = Pattern.compile("packet-generator new \\{ name (\\S+) limit (\\d+) ");
    private static final Pattern ENABLE = Pattern.compile("packet-generator enable-stream (\\S+)");
    private static final int MAX_TURNS = 10_000;

    @TempDir
    Path tempDir;

    @Test
    void shouldRunTheFirstPacketTraceTutorial() throws IOException {
        Walk walk = walk("01-first-packet-trace.md");

        assertThat(walk.commands).contains("show runtime", "show trace max 2", "trace add pg-input 10");
    }

    @Test
    void shouldRunTheGraphNodeInspectorTutorial() throws IOException {
        Walk walk = walk("02-graph-node-inspector.md");

        assertThat(walk.commands).contains("show vlib graph", "show node error-drop", "elog trace dispatch");
        assumeTrue(walk.svgSkipped == null, () -> "Graphviz's 'dot' is not on the PATH; not run: " + walk.svgSkipped);
    }

    /** The commands of one tutorial run on a fresh runtime, with what could not be run. */
    private static final class Walk {
        final List<String> commands = new ArrayList<>();
        String svgSkipped;
    }

    private Walk walk(String tutorial) throws IOException {
        String config = localPaths(fencedBlocks(read("01-first-packet-trace.md"), "conf").getFirst());
        Walk walk = new Walk();
        for (String block : fencedBlocks(read(tutorial), "vecta")) {
            for (String line : block.strip().split("\n")) {
                assertThat(line).as("a command line of %s", tutorial).startsWith(PROMPT);
                walk.commands.add(line.substring(PROMPT.length()).strip());
            }
        }
        assertThat(walk.commands).as("commands of %s", tutorial).isNotEmpty();

        try (VectaRuntime runtime = VectaRuntime.start(
                new StartupConfigParser(new RuntimeDirectory(tempDir)).parse("startup.conf", config))) {
            CliShell cli = runtime.newShell(false);
            Map<String, Long> limits = new HashMap<>();
            long droppedSinceClear = 0;
            for (String command : walk.commands) {
                String line = localPaths(command);
                if (line.startsWith("show vlib graphviz ") && line.endsWith(".svg") && !dotOnPath()) {
                    walk.svgSkipped = command;
                    continue;
                }
                long dropsBefore = runtime.mainThread().node("error-drop").vectors();
                CommandOutcome outcome = cli.run(line);
                assertThat(outcome.failed()).as("%s: '%s' failed: %s", tutorial, command, outcome.output()).isFalse();
                String output = outcome.output();

                Matcher stream = STREAM.matcher(line);
                if (stream.find()) {
                    limits.put(stream.group(1), Long.parseLong(stream.group(2)));
                }
                Matcher enable = ENABLE.matcher(line);
                if (enable.matches()) {
                    long limit = limits.get(enable.group(1));
                    for (int turn = 0; turn < MAX_TURNS
                            && runtime.mainThread().node("error-drop").vectors() < dropsBefore + limit; turn++) {
                        runtime.mainThread().runOnce();
                    }
                    assertThat(runtime.mainThread().node("error-drop").vectors())
                            .as("packets of stream %s in error-drop", enable.group(1)).isEqualTo(dropsBefore + limit);
                    droppedSinceClear += limit;
                }
                if (line.equals("clear runtime")) {
                    droppedSinceClear = 0;
                }
                checkOutput(line, output, droppedSinceClear);
            }
        }
        return walk;
    }

    /** A fact of each key command's output, so a tutorial cannot show what the runtime does not do. */
    private static void checkOutput(String line, String output, long droppedSinceClear) throws IOException {
        if (line.startsWith("show trace")) {
            assertThat(output).contains("Packet 1", "pg-input", "stream demo, 64 bytes");
        } else if (line.equals("show runtime") && droppedSinceClear > 0) {
            assertThat(output).containsPattern("(?m)^error-drop\\s+active\\s+\\d+\\s+" + droppedSinceClear + "\\s");
        } else if (line.equals("show runtime")) {
            assertThat(output).contains("Vectors/Call").doesNotContain("error-drop");
        } else if (line.equals("show vlib graph")) {
            assertThat(output).contains("error-drop [0]");
        } else if (line.startsWith("show node error-drop")) {
            assertThat(output).contains("node error-drop, type internal", "pg-input");
        } else if (line.startsWith("show vlib graphviz ")) {
            Path file = Path.of(line.substring("show vlib graphviz ".length()));
            String picture = Files.readString(file);
            if (file.toString().endsWith(".svg")) {
                assertThat(picture).contains("<svg", "<title>error&#45;drop</title>");
            } else {
                assertThat(picture).startsWith("digraph \"vecta\"").contains("\"pg-input\" -> \"error-drop\"");
            }
        } else if (line.startsWith("show event-logger")) {
            assertThat(output).contains("node pg-input: returns 256 vectors");
        } else if (line.startsWith("event-logger save ")) {
            Path file = Path.of(line.substring("event-logger save ".length()));
            assertThat(Files.readString(file)).startsWith("{").contains("\"traceEvents\"", "node error-drop");
        } else if (line.equals("show packet-generator")) {
            assertThat(output).satisfiesAnyOf(o -> assertThat(o).contains("limit 1000"),
                    o -> assertThat(o).contains("no streams currently defined"));
        }
    }

    private String localPaths(String text) {
        return text.replace(DOC_DIRECTORY, tempDir.toString());
    }

    private static String read(String tutorial) throws IOException {
        return Files.readString(TUTORIALS.resolve(tutorial));
    }

    /** The bodies of the fenced blocks tagged {@code tag}, in order. */
    private static List<String> fencedBlocks(String markdown, String tag) {
        List<String> blocks = new ArrayList<>();
        Matcher block = Pattern.compile("(?ms)^```" + tag + "\\n(.*?)^```$").matcher(markdown);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }

    private static boolean dotOnPath() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).anyMatch(dir -> Files.isExecutable(Path.of(dir, "dot")));
    }
}
