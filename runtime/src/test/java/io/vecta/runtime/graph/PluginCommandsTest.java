package io.vecta.runtime.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vecta.runtime.cli.CliServices;
import io.vecta.runtime.cli.CliShell;
import io.vecta.runtime.cli.CommandNode;
import io.vecta.runtime.cli.CommandOutcome;
import io.vecta.runtime.cli.CommandTree;
import io.vecta.runtime.cli.CommandTreeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands reach the shell the way plugins do: generated registrations found by ServiceLoader. */
class PluginCommandsTest {

    private static final String FLOW_COMMANDS = """
            package com.acme.flows;

            import io.vecta.sdk.annotation.CliCommand;
            import io.vecta.sdk.cli.*;

            public final class FlowCommands {
                private int flows;

                @CliCommand(path = "set acme flows", shortHelp = "set acme flows <n>")
                public void set(CliInput in, CliOutput out) {
                    flows = in.number("flows", 0, 1000);
                    in.expectEnd();
                }

                @CliCommand(path = "show acme flows", shortHelp = "show acme flows",
                        longHelp = "Shows how many flows acme tracks.")
                public void show(CliContext ctx, CliInput in, CliOutput out) {
                    in.expectEnd();
                    out.table(new CliTable().left("Table").right("Flows").row("acme", flows));
                }

                @CliCommand(path = "test acme crash", shortHelp = "test acme crash")
                public static void crash(CliInput in, CliOutput out) {
                    throw new UnsupportedOperationException("acme cannot do that");
                }
            }
            """;

    private static final String FLOW_PLUGIN = """
            @io.vecta.sdk.annotation.Plugin(name = "acme-flows", version = "1.0.0")
            package com.acme.flows;
            """;

    @TempDir
    Path temp;

    @Test
    void shouldRunTheBuiltinCommandsOfTheRuntimeFoundThroughServiceLoader() {
        List<LoadedPlugin> plugins = PluginLoader.current().fromClassPath(getClass().getClassLoader());
        CommandTree tree = CommandTree.build(plugins);
        CliShell shell = new CliShell(tree, new CliServices(), true);

        assertThat(tree.commands()).filteredOn(c -> c.plugin().equals("builtin")).extracting(CommandNode::path)
                .contains("comment", "exec", "halt", "help", "quit", "show cli", "show runtime", "clear errors");
        CommandOutcome showCli = shell.run("sh cli verbose");
        assertThat(showCli.failed()).isFalse();
        assertThat(showCli.output().lines().map(line -> List.of(line.split("  +"))))
                .startsWith(List.of("Command", "Help", "Plugin"))
                .contains(List.of("exec", "exec <file>", "builtin"), List.of("show runtime",
                        "show runtime [verbose|max|summary]", "builtin"));
        assertThat(shell.run("comment ready").output()).isEmpty();
        assertThat(shell.run("help ex").output()).startsWith("exec <file>\nRuns each line of the file");
        assertThat(shell.run("qu").action()).isEqualTo(CommandOutcome.Action.CLOSE_SESSION);
        assertThat(shell.run("hal").action()).isEqualTo(CommandOutcome.Action.STOP_RUNTIME);
    }

    @Test
    void shouldRunCommandsOfAPluginJarBesideTheBuiltinsAndSurviveItsCrash() {
        Path plugins = createDirectories(temp.resolve("plugins"));
        PluginJars.build(temp, plugins.resolve("acme-flows.jar"), true, Map.of(
                "com/acme/flows/FlowCommands.java", FLOW_COMMANDS,
                "com/acme/flows/package-info.java", FLOW_PLUGIN), Map.of());
        CliShell shell = new CliShell(CommandTree.build(PluginLoader.current().load(getClass().getClassLoader(),
                plugins)), new CliServices(), false);

        assertThat(shell.run("set acme flows 42").failed()).isFalse();
        assertThat(shell.run("sh ac fl").output()).isEqualTo("Table  Flows\nacme      42\n");
        assertThat(shell.run("set acme flows 4242").output())
                .isEqualTo("set acme flows: flows: expected a number in 0..1000, got '4242'\n");
        CommandOutcome crash = shell.run("test acme crash");
        assertThat(crash.failed()).isTrue();
        assertThat(crash.output()).isEqualTo("test acme crash: failed with java.lang.UnsupportedOperationException:"
                + " acme cannot do that\n"
                + "  at plugin acme-flows.jar//com.acme.flows.FlowCommands.crash(FlowCommands.java:24)"
                + "\n");
        assertThat(shell.run("show acme flows").output()).as("the same instance, still working")
                .isEqualTo("Table  Flows\nacme      42\n");
        assertThat(shell.run("show cli verbose").output().lines().map(line -> List.of(line.split("  +"))))
                .contains(List.of("show acme flows", "show acme flows", "acme-flows"));
    }

    @Test
    void shouldRefuseAPluginCommandThatTakesABuiltinPathNamingBothPlugins() {
        Path plugins = createDirectories(temp.resolve("plugins"));
        PluginJars.build(temp, plugins.resolve("clash.jar"), true, Map.of(
                "com/acme/clash/Clash.java", """
                        package com.acme.clash;

                        import io.vecta.sdk.annotation.CliCommand;
                        import io.vecta.sdk.cli.*;

                        public final class Clash {
                            @CliCommand(path = "show cli", shortHelp = "show cli, but mine")
                            public static void show(CliInput in, CliOutput out) { }
                        }
                        """,
                "com/acme/clash/package-info.java", """
                        @io.vecta.sdk.annotation.Plugin(name = "clash", version = "1.0.0")
                        package com.acme.clash;
                        """), Map.of());
        List<LoadedPlugin> loaded = PluginLoader.current().load(getClass().getClassLoader(), plugins);

        assertThatThrownBy(() -> CommandTree.build(loaded)).isInstanceOf(CommandTreeException.class)
                .hasMessageStartingWith("[VectaDuplicateCommand] command 'show cli' is registered by both plugin"
                        + " 'builtin' and plugin 'clash'");
    }

    private static Path createDirectories(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
