package io.vecta.runtime.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.cli.CommandNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The show and clear commands beside the shell's own, reached as VPP users type them. */
class CommandPrefixesTest {

    @TempDir
    Path temp;

    private RuntimeShell cli;

    @BeforeEach
    void start() {
        cli = RuntimeShell.start(temp, null);
        cli.send("null-node", 1, 2, 3);
    }

    @AfterEach
    void close() {
        cli.close();
    }

    @Test
    void shouldRegisterEveryShowAndClearCommandInTheBuiltinPlugin() {
        assertThat(cli.shell.tree().commands()).filteredOn(c -> c.plugin().equals("builtin"))
                .extracting(CommandNode::path).containsExactly(
                        "api trace", "clear errors", "clear interfaces", "clear l2fib", "clear logging", "clear node counters", "clear runtime",
                        "clear trace", "comment", "create bridge-domain", "create host-interface", "create loopback interface",
                        "create packet-generator interface", "create sub-interfaces", "delete host-interface",
                        "delete loopback interface", "delete sub-interface", "elog trace",
                        "event-logger clear", "event-logger resize", "event-logger save", "exec", "halt", "help", "ip route",
                        "l2fib add", "l2fib del",
                        "packet-generator capture", "packet-generator delete", "packet-generator disable-stream",
                        "packet-generator enable-stream", "packet-generator new", "pcap dispatch trace", "pcap trace", "ping",
                        "quit", "set bridge-domain mac-age", "set interface feature", "set interface ip address",
                        "set interface l2 bridge", "set interface l2 xconnect",
                        "set interface l3", "set interface mac address", "set interface mtu", "set interface rx-mode",
                        "set interface state", "set ip neighbor", "set ip neighbor-config", "show api clients",
                        "show api message-table", "show bridge-domain", "show buffers", "show cli", "show clock",
                        "show errors", "show event-logger", "show hardware-interfaces", "show interface",
                        "show interface address", "show interface features", "show interface rx-placement", "show ip fib", "show ip neighbor-config",
                        "show ip neighbors", "show l2fib", "show logging", "show memory", "show node",
                        "show node counters", "show packet-generator", "show plugins", "show runtime", "show threads",
                        "show trace", "show version", "show vlib graph", "show vlib graphviz", "trace add",
                        "trace filter");
    }

    @Test
    void shouldRunTheCommandsVppUsersAbbreviate() {
        assertThat(cli.ok("sh run summary").lines().toList()).hasSize(2).satisfies(lines -> {
            assertThat(lines.get(0)).startsWith("Time ");
            assertThat(lines.get(1)).startsWith("  vector rates in ");
        });
        assertThat(cli.ok("sh run").lines().filter(line -> line.startsWith("null-node ")).toList()).singleElement()
                .satisfies(line -> assertThat(line.strip().split(" +")).containsSequence("active", "1", "3", "0"));
        assertThat(cli.ok("sh err")).isEqualTo(cli.ok("show errors"));
        assertThat(cli.ok("sh err").lines().skip(1).map(line -> line.strip().split(" +")).toList()).singleElement()
                .satisfies(row -> assertThat(row).containsExactly("3", "null-node", "blackholed", "packets", "error"));
        assertThat(cli.ok("sh node c")).isEqualTo(cli.ok("show errors"));
        assertThat(cli.ok("sh no cou verbose")).isEqualTo(cli.ok("show errors verbose"));
        assertThat(cli.ok("sh node null-node")).isEqualTo(cli.ok("show node null-node"))
                .startsWith("node null-node, type internal");
        assertThat(cli.ok("sh vl graph null-node")).isEqualTo(cli.ok("show vlib graph null-node"));
        assertThat(cli.ok("sh vl graphv")).isEqualTo(cli.ok("show vlib graphviz"));
        assertThat(cli.ok("sh ver")).isEqualTo(cli.ok("show version"));
        assertThat(cli.ok("sh th")).isEqualTo(cli.ok("show threads"));
        assertThat(cli.ok("sh buf")).isEqualTo(cli.ok("show buffers"));
        assertThat(cli.ok("sh pl")).isEqualTo(cli.ok("show plugins"));
        assertThat(cli.ok("sh pa")).isEqualTo(cli.ok("show packet-generator"));
        assertThat(cli.ok("sh lo")).contains(cli.ok("show logging"));
        assertThat(cli.ok("cl e")).isEmpty();
        assertThat(cli.ok("sh err")).doesNotContain("null-node");
        assertThat(cli.ok("cl r")).isEmpty();
        assertThat(cli.ok("sh run")).doesNotContain("null-node");
    }

    @Test
    void shouldReportUnknownAmbiguousAndIncompleteAbbreviations() {
        assertThat(cli.error("sh frob")).isEqualTo("show: unknown input 'frob'\n");
        assertThat(cli.error("sh vl gr")).isEqualTo("ambiguous command 'show vlib gr': graph, graphviz\n");
        assertThat(cli.error("sh c")).isEqualTo("ambiguous command 'show c': cli, clock\n");
        assertThat(cli.error("sh b")).isEqualTo("ambiguous command 'show b': bridge-domain, buffers\n");
        assertThat(cli.error("sh v")).isEqualTo("ambiguous command 'show v': version, vlib\n");
        assertThat(cli.error("sh vl")).isEqualTo("incomplete command 'show vlib'; type 'show vlib ?' to list its"
                + " commands\n");
        assertThat(cli.error("clear")).isEqualTo("incomplete command 'clear'; type 'clear ?' to list its commands\n");
        assertThat(cli.error("clear n")).isEqualTo("incomplete command 'clear node'; type 'clear node ?' to list its"
                + " commands\n");
        assertThat(cli.error("sh runtime verbose max brief"))
                .isEqualTo("show runtime: unknown input 'brief'; expected verbose, max or summary\n");
        assertThat(cli.error("sh erors")).isEqualTo("show: unknown input 'erors'; did you mean 'errors'?\n");
    }

    @Test
    void shouldListAndDescribeTheCommands() {
        assertThat(cli.ok("clear ?")).isEqualTo("""
                  clear errors         clear errors
                  clear interfaces     clear interfaces
                  clear l2fib          clear l2fib
                  clear logging        clear logging
                  clear node counters  clear node counters
                  clear runtime        clear runtime
                  clear trace          clear trace
                """);
        assertThat(cli.ok("sh vl ?")).isEqualTo("""
                  show vlib graph     show vlib graph [<node-name>]
                  show vlib graphviz  show vlib graphviz [<file>]
                """);
        assertThat(cli.ok("show node ?")).isEqualTo("""
                  show node           show node <node-name> | index <node-index>
                  show node counters  show node counters [verbose]
                """);
        assertThat(cli.ok("help sh run")).startsWith("show runtime [verbose|max|summary]\nFor each dispatch thread:");
        List<String> everyCommand = cli.ok("show cli").lines().skip(1).toList();
        assertThat(everyCommand).hasSize(cli.shell.tree().commands().size()).hasSize(79);
    }
}
