package io.vecta.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.node.Plugin_Registration;
import io.vecta.sdk.cli.CliException;
import io.vecta.sdk.cli.CliNames;
import io.vecta.sdk.cli.CommandDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliShellTest {

    @TempDir
    Path temp;

    /**
     * The shell's own commands, of {@link BuiltinCommands}; the builtin plugin's show and clear
     * commands report on a runtime, and are tested with one.
     */
    private static final Set<String> SHELL_COMMANDS = Set.of("comment", "exec", "halt", "help", "quit", "show cli");

    /** The runtime's built-ins and a few plugin commands. */
    private static CommandTree tree() {
        return CommandTree.builder()
                .add("builtin", new Plugin_Registration().commands().stream()
                        .filter(command -> SHELL_COMMANDS.contains(command.path())).toList())
                .add("acme", List.of(
                        new CommandDescriptor("show acme", "show acme [verbose] [limit <n>]",
                                "Shows the acme table.\nverbose adds every entry.", (ctx, in, out) -> {
                                    boolean verbose = false;
                                    int limit = 10;
                                    while (!in.atEnd()) {
                                        if (in.keyword("verbose")) {
                                            verbose = true;
                                        } else if (in.keyword("limit")) {
                                            limit = in.number("limit", 1, 100);
                                        } else {
                                            throw in.unknownInput();
                                        }
                                    }
                                    out.println("acme limit " + limit + (verbose ? " verbose" : ""));
                                }),
                        new CommandDescriptor("show acme flows", "show acme flows",
                                "", (ctx, in, out) -> out.println("no flows")),
                        new CommandDescriptor("set acme limit", "set acme limit <n>",
                                "", (ctx, in, out) -> out.println("limit " + in.number("limit"))),
                        new CommandDescriptor("show node", "show node <name>",
                                "", (ctx, in, out) -> out.println("node " + in.nodeName("node"))),
                        new CommandDescriptor("show session", "show session",
                                "", (ctx, in, out) -> out.println((ctx.interactive() ? "interactive" : "batch")
                                        + " " + ctx.service(String.class).orElse("no string")
                                        + " " + ctx.service(Integer.class).isPresent())),
                        new CommandDescriptor("test boom", "test boom", "", (ctx, in, out) -> {
                            out.println("partial output");
                            throw new IllegalStateException("boom");
                        }),
                        new CommandDescriptor("test fail", "test fail", "", (ctx, in, out) -> {
                            out.println("before");
                            throw new CliException("the acme table is locked");
                        })))
                .build();
    }

    private static CliShell shell() {
        return new CliShell(tree(), new CliServices(), false);
    }

    private static String ok(CliShell shell, String line) {
        CommandOutcome outcome = shell.run(line);
        assertThat(outcome.failed()).as("%s: %s", line, outcome.output()).isFalse();
        assertThat(outcome.action()).isEqualTo(CommandOutcome.Action.CONTINUE);
        return outcome.output();
    }

    private static String error(CliShell shell, String line) {
        CommandOutcome outcome = shell.run(line);
        assertThat(outcome.failed()).as("%s: %s", line, outcome.output()).isTrue();
        assertThat(outcome.action()).isEqualTo(CommandOutcome.Action.CONTINUE);
        return outcome.output();
    }

    @Test
    void shouldRunACommandReachedByPrefixesWithItsArguments() {
        CliShell shell = shell();

        assertThat(ok(shell, "show acme")).isEqualTo("acme limit 10\n");
        assertThat(ok(shell, "sh ac limit 20 verbose")).isEqualTo("acme limit 20 verbose\n");
        assertThat(ok(shell, "sh ac fl")).isEqualTo("no flows\n");
        assertThat(ok(shell, "se a l 7")).isEqualTo("limit 7\n");
    }

    @Test
    void shouldRunNothingForBlankLinesCommentsAndRemarks() {
        CliShell shell = shell();

        assertThat(ok(shell, "")).isEmpty();
        assertThat(ok(shell, "   \t")).isEmpty();
        assertThat(ok(shell, "# show acme")).isEmpty();
        assertThat(ok(shell, "comment show acme, but not now")).isEmpty();
    }

    @Test
    void shouldPrefixACommandsErrorWithItsPathAndSuggestTheKeywordMeant() {
        CliShell shell = shell();

        assertThat(error(shell, "show acme verbsoe")).isEqualTo("show acme: unknown input 'verbsoe'; did you mean"
                + " 'verbose'?\n");
        assertThat(error(shell, "show acme limit 500"))
                .isEqualTo("show acme: limit: expected a number in 1..100, got '500'\n");
        assertThat(error(shell, "set acme limit")).isEqualTo("set acme limit: limit: expected a number, got end of"
                + " line\n");
        assertThat(error(shell, "test fail")).isEqualTo("before\ntest fail: the acme table is locked\n");
    }

    @Test
    void shouldReportUnknownAmbiguousAndIncompleteCommands() {
        CliShell shell = shell();

        assertThat(error(shell, "shwo acme")).isEqualTo("unknown input 'shwo acme'; did you mean 'show'?\n");
        assertThat(error(shell, "frobnicate")).isEqualTo("unknown input 'frobnicate'\n");
        assertThat(error(shell, "show acmee")).isEqualTo("show: unknown input 'acmee'; did you mean 'acme'?\n");
        assertThat(error(shell, "h")).isEqualTo("ambiguous command 'h': halt, help\n");
        assertThat(error(shell, "show")).isEqualTo("incomplete command 'show'; type 'show ?' to list its commands\n");
        assertThat(error(shell, "te")).isEqualTo("incomplete command 'test'; type 'test ?' to list its commands\n");
    }

    @Test
    void shouldSurviveACommandThatThrowsNamingTheCommandAndTheException() {
        CliShell shell = shell();

        String output = error(shell, "test boom");
        assertThat(output).startsWith("partial output\ntest boom: failed with java.lang.IllegalStateException: boom\n"
                + "  at " + CliShellTest.class.getName());
        assertThat(ok(shell, "show acme")).isEqualTo("acme limit 10\n");
        assertThat(ok(shell, "sh acme fl")).isEqualTo("no flows\n");
    }

    @Test
    void shouldListEveryCommandBelowAQuestionMark() {
        CliShell shell = shell();

        assertThat(ok(shell, "show acme ?")).isEqualTo("""
                  show acme        show acme [verbose] [limit <n>]
                  show acme flows  show acme flows
                """);
        assertThat(ok(shell, "sh ac  ?")).isEqualTo(ok(shell, "show acme ?"));
        assertThat(ok(shell, "set ?")).isEqualTo("  set acme limit  set acme limit <n>\n");
        assertThat(ok(shell, "?")).contains("  comment          comment <text>\n",
                "  show cli         show cli [verbose]\n", "  test fail        test fail\n");
        assertThat(ok(shell, "show acme verbose ?")).as("arguments before ? list the command reached")
                .isEqualTo(ok(shell, "show acme ?"));
    }

    @Test
    void shouldListTheNextWordsThatAPartialWordStarts() {
        CliShell shell = shell();

        assertThat(ok(shell, "h?")).isEqualTo("""
                  halt  halt
                  help  help [<command>]
                """);
        assertThat(ok(shell, "show a?")).isEqualTo("  acme  show acme [verbose] [limit <n>]\n");
        assertThat(ok(shell, "s?")).isEqualTo("""
                  set   set commands
                  show  show commands
                """);
        assertThat(error(shell, "show x?")).as("no word starts so: the line runs as typed")
                .isEqualTo("show: unknown input 'x?'\n");
    }

    @Test
    void shouldListTheFirstWordsForHelpAndDescribeACommandForHelpWithAPath() {
        CliShell shell = shell();

        assertThat(ok(shell, "help")).isEqualTo("""
                  comment  comment <text>
                  exec     exec <file>
                  halt     halt
                  help     help [<command>]
                  quit     quit
                  set      set commands
                  show     show commands
                  test     test commands
                """);
        assertThat(ok(shell, "help sh ac")).isEqualTo("""
                show acme [verbose] [limit <n>]
                Shows the acme table.
                verbose adds every entry.

                  flows  show acme flows
                """);
        assertThat(ok(shell, "help show acme verbose")).isEqualTo(ok(shell, "help show acme"));
        assertThat(ok(shell, "help set")).isEqualTo("  acme  set acme commands\n");
        assertThat(ok(shell, "help quit")).isEqualTo("quit\nEnds this CLI session; the runtime keeps running.\n");
        assertThat(error(shell, "help shw")).isEqualTo("help: unknown input 'shw'; did you mean 'show'?\n");
        assertThat(error(shell, "help show zzz")).isEqualTo("help: show: unknown input 'zzz'\n");
    }

    @Test
    void shouldListAllCommandsForShowCli() {
        CliShell shell = shell();

        String listing = ok(shell, "show cli");
        assertThat(listing.lines().toList()).first().isEqualTo("Command          Help");
        assertThat(listing).contains("\nshow acme flows  show acme flows\n", "\nexec             exec <file>\n");
        assertThat(listing.lines()).hasSize(1 + shell.tree().commands().size());
        assertThat(ok(shell, "show cli verbose")).contains("\nshow cli         show cli [verbose]"
                + "               builtin\n", "\nset acme limit   set acme limit <n>               acme\n");
        assertThat(error(shell, "show cli brief")).isEqualTo("show cli: unknown input 'brief'; expected verbose\n");
    }

    @Test
    void shouldEndTheSessionOnQuitAndTheRuntimeOnHalt() {
        CliShell shell = shell();

        assertThat(shell.run("quit")).isEqualTo(new CommandOutcome("", false, CommandOutcome.Action.CLOSE_SESSION));
        assertThat(shell.run("halt")).isEqualTo(new CommandOutcome("", false, CommandOutcome.Action.STOP_RUNTIME));
        assertThat(shell.run("show acme").action()).as("a new line starts over")
                .isEqualTo(CommandOutcome.Action.CONTINUE);
        assertThat(error(shell, "quit now")).isEqualTo("quit: unknown input 'now'\n");
    }

    @Test
    void shouldGiveCommandsTheServicesTheSessionKindAndTheShell() {
        CliServices services = new CliServices().register(String.class, "a string");
        CommandTree tree = tree();

        assertThat(new CliShell(tree, services, true).run("show session").output())
                .isEqualTo("interactive a string false\n");
        assertThat(new CliShell(tree, new CliServices(), false).run("show session").output())
                .isEqualTo("batch no string false\n");
    }

    @Test
    void shouldCheckNamesInArgumentsAgainstTheRegisteredNames() {
        CliNames names = new CliNames() {
            @Override
            public List<String> interfaceNames() {
                return List.of("eth0");
            }

            @Override
            public List<String> nodeNames() {
                return List.of("ip4-lookup", "error-drop");
            }
        };
        CliShell shell = new CliShell(tree(), new CliServices().register(CliNames.class, names), false);

        assertThat(ok(shell, "show node ip4-lookup")).isEqualTo("node ip4-lookup\n");
        assertThat(error(shell, "show node ip4-lokup"))
                .isEqualTo("show node: node: no node named 'ip4-lokup'; did you mean 'ip4-lookup'?\n");
        assertThat(ok(shell()/* no names registered */, "show node anything")).isEqualTo("node anything\n");
    }

    @Test
    void shouldRunAScriptAndStopAtTheFirstFailingLineNamingFileAndLine() throws Exception {
        Path script = Files.writeString(temp.resolve("setup.cli"), """
                # set up acme
                set acme limit 5

                show acme
                show acme lmit 3
                set acme limit 6
                """);
        CliShell shell = shell();

        CommandOutcome outcome = shell.run("exec " + script);
        assertThat(outcome.failed()).isTrue();
        assertThat(outcome.output()).isEqualTo("limit 5\nacme limit 10\nexec: " + script
                + ":5: show acme: unknown input 'lmit 3'; did you mean 'limit'?\n");
        assertThat(shell.runScript(script).output()).as("the runtime's way to run a file, without exec's prefix")
                .isEqualTo("limit 5\nacme limit 10\n" + script + ":5: show acme: unknown input 'lmit 3'; did you mean"
                        + " 'limit'?\n");
        assertThat(ok(shell, "show acme")).isEqualTo("acme limit 10\n");
    }

    @Test
    void shouldCarryACommandWhoseBracesAreOpenOnToTheLinesThatCloseThem() throws Exception {
        Path script = Files.writeString(temp.resolve("braces.cli"), """
                comment { a remark
                          over two lines }
                set acme limit 7
                comment { nested { braces }
                          close } show acme is inside the remark
                # a { in a remark opens nothing
                show acme
                comment { \\{ escaped braces count for nothing \\}
                }
                show acme lmit {
                  1 }
                """);
        CliShell shell = shell();

        assertThat(error(shell, "exec " + script)).isEqualTo("limit 7\nacme limit 10\nexec: " + script
                + ":10: show acme: unknown input 'lmit { 1 }'; did you mean 'limit'?\n");
    }

    @Test
    void shouldCarryALineEndingInABackslashOnToTheNext() throws Exception {
        Path script = Files.writeString(temp.resolve("backslash.cli"), """
                set acme \\
                   limit 8
                comment a literal backslash \\\\
                show acme \\
                  lmit 2
                """);

        assertThat(error(shell(), "exec " + script)).isEqualTo("limit 8\nexec: " + script
                + ":4: show acme: unknown input 'lmit 2'; did you mean 'limit'?\n");
    }

    @Test
    void shouldRefuseAScriptThatEndsWithABraceLeftOpenOrALineCarriedOn() throws Exception {
        Path script = Files.writeString(temp.resolve("open.cli"), "show acme\ncomment { one {\n two }\n");
        assertThat(error(shell(), "exec " + script)).isEqualTo("acme limit 10\nexec: " + script
                + ":2: '{' left open: the file ends before 1 '}' closes it\n");

        Path carried = Files.writeString(temp.resolve("carried.cli"), "show acme\nshow acme \\\n");
        assertThat(error(shell(), "exec " + carried)).isEqualTo("acme limit 10\nexec: " + carried
                + ":2: the file ends after a '\\' that carries the line on\n");
    }

    @Test
    void shouldRunNestedScriptsAndReportTheChainOfLines() throws Exception {
        Path inner = Files.writeString(temp.resolve("inner.cli"), "show acme\ntest boom\n");
        Path outer = Files.writeString(temp.resolve("outer cli"), "comment nested\nexec \"" + inner + "\"\n");
        CliShell shell = shell();

        String output = error(shell, "exec {" + outer + "}");
        assertThat(output).startsWith("acme limit 10\npartial output\nexec: " + outer + ":2: exec: " + inner
                + ":2: test boom: failed with java.lang.IllegalStateException: boom\n");
    }

    @Test
    void shouldStopAScriptAtQuitAndHandTheActionToTheSession() throws Exception {
        Path script = Files.writeString(temp.resolve("bye.cli"), "show acme\nquit\nshow acme flows\n");

        CommandOutcome outcome = shell().run("exec " + script);
        assertThat(outcome).isEqualTo(new CommandOutcome("acme limit 10\n", false,
                CommandOutcome.Action.CLOSE_SESSION));
    }

    @Test
    void shouldRefuseMissingFilesAndScriptsThatRunThemselves() throws Exception {
        CliShell shell = shell();
        Path missing = temp.resolve("missing.cli");
        assertThat(error(shell, "exec " + missing)).isEqualTo("exec: cannot read " + missing + ": no such file\n");
        assertThat(error(shell, "exec")).isEqualTo("exec: file: expected a string, got end of line\n");

        Path loop = temp.resolve("loop.cli");
        Files.writeString(loop, "exec " + loop + "\n");
        String output = error(shell, "exec " + loop);
        assertThat(output).startsWith("exec: " + loop + ":1: exec: " + loop + ":1: ")
                .endsWith("exec: scripts nested " + CliShell.MAX_SCRIPT_DEPTH + " deep at " + loop
                        + " (does a script run itself?)\n");
        assertThat(ok(shell, "exec " + Files.writeString(temp.resolve("fine.cli"), "show acme\n")))
                .as("the depth is back to 0").isEqualTo("acme limit 10\n");
    }
}
