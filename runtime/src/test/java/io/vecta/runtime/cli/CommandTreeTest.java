package io.vecta.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vecta.runtime.graph.LoadedPlugin;
import io.vecta.sdk.cli.CliException;
import io.vecta.sdk.cli.CommandDescriptor;
import io.vecta.sdk.cli.CommandHandler;
import io.vecta.sdk.node.FeatureArcDescriptor;
import io.vecta.sdk.node.FeatureDescriptor;
import io.vecta.sdk.node.NodeDescriptor;
import io.vecta.sdk.node.PluginRegistration;
import io.vecta.sdk.node.SdkVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandTreeTest {

    private static final CommandHandler NOTHING = (ctx, in, out) -> { };

    static CommandDescriptor command(String path) {
        return new CommandDescriptor(path, path + " help", "", NOTHING);
    }

    private static CommandTree tree(String... paths) {
        CommandTree.Builder builder = CommandTree.builder();
        for (String path : paths) {
            builder.add("test", command(path));
        }
        return builder.build();
    }

    private static String matched(CommandTree tree, String line) {
        CommandTree.Match match = tree.match(line);
        return match.node().path() + "|" + match.rest().strip();
    }

    @Test
    void shouldMatchAUniquePrefixOfEachWord() {
        CommandTree tree = tree("show interface", "show runtime", "show errors", "set interface state");

        assertThat(matched(tree, "sh int")).isEqualTo("show interface|");
        assertThat(matched(tree, "sh run")).isEqualTo("show runtime|");
        assertThat(matched(tree, "  show   e  ")).isEqualTo("show errors|");
        assertThat(matched(tree, "se i s up")).isEqualTo("set interface state|up");
    }

    @Test
    void shouldPreferAnExactWordOverALongerOneItIsAPrefixOf() {
        CommandTree tree = tree("show int", "show interface", "show ip");

        assertThat(matched(tree, "show int")).isEqualTo("show int|");
        assertThat(matched(tree, "show inte")).isEqualTo("show interface|");
    }

    @Test
    void shouldRefuseAnAmbiguousPrefixListingTheCandidates() {
        CommandTree tree = tree("show interface", "shutdown", "show ip fib", "show ip6 fib");

        assertThatThrownBy(() -> tree.match("sh int")).isInstanceOf(CliException.class)
                .hasMessage("ambiguous command 'sh': show, shutdown");
        assertThatThrownBy(() -> tree.match("show i")).hasMessage("ambiguous command 'show i': interface, ip, ip6");
        assertThat(matched(tree, "show ip fib")).as("an exact word is never ambiguous").isEqualTo("show ip fib|");
    }

    @Test
    void shouldHandTheRemainingWordsToACommandThatMatchesNoFurtherWordAsVppDoes() {
        CommandTree tree = tree("show interface", "show interface address", "show interface addrs");

        assertThat(matched(tree, "show int eth0 verbose")).isEqualTo("show interface|eth0 verbose");
        assertThat(matched(tree, "show int addre")).isEqualTo("show interface address|");
        assertThat(matched(tree, "show int addr")).as("ambiguous below a command: the command's argument")
                .isEqualTo("show interface|addr");
    }

    @Test
    void shouldStopAtTheFirstWordThatMatchesNothing() {
        CommandTree tree = tree("show interface");

        CommandTree.Match match = tree.match("show bogus things");
        assertThat(match.node().path()).isEqualTo("show");
        assertThat(match.node().runnable()).isFalse();
        assertThat(match.complete()).isFalse();
        assertThat(tree.match("bogus").node()).isSameAs(tree.root());
        assertThat(tree.match("show").complete()).isTrue();
    }

    @Test
    void shouldListCommandsInPathOrderAndFindThemByPath() {
        CommandTree tree = tree("show runtime", "clear errors", "show errors", "show");

        assertThat(tree.commands()).extracting(CommandNode::path)
                .containsExactly("clear errors", "show", "show errors", "show runtime");
        assertThat(tree.find("show errors").command().shortHelp()).isEqualTo("show errors help");
        assertThat(tree.find("clear").runnable()).isFalse();
        assertThat(tree.find("clear").shortHelp()).isEqualTo("clear commands");
        assertThat(tree.find("show bogus")).isNull();
        assertThat(tree.find("show errors").plugin()).isEqualTo("test");
    }

    @Test
    void shouldRefuseAPathOfTwoPluginsNamingBoth() {
        CommandTree.Builder builder = CommandTree.builder().add("acme", List.of(command("show flows")));

        assertThatThrownBy(() -> builder.add("other", command("show flows")))
                .isInstanceOf(CommandTreeException.class)
                .hasMessage("[VectaDuplicateCommand] command 'show flows' is registered by both plugin 'acme' and"
                        + " plugin 'other'\n  help: command paths are unique in the runtime: rename one of the commands, or"
                        + " disable one of the plugins")
                .satisfies(e -> assertThat(((CommandTreeException) e).tag()).isEqualTo("VectaDuplicateCommand"));
        assertThatThrownBy(() -> builder.add("acme", command("show flows")))
                .hasMessageStartingWith("[VectaDuplicateCommand] command 'show flows' is registered twice by plugin"
                        + " 'acme'");
    }

    @Test
    void shouldReportAPluginWhoseCommandsCannotBeCreated() {
        LoadedPlugin broken = new LoadedPlugin(new Registration("broken", null), "broken.jar");

        assertThatThrownBy(() -> CommandTree.build(List.of(broken))).isInstanceOf(CommandTreeException.class)
                .hasMessageStartingWith("[VectaPluginCommands] plugin 'broken' (broken.jar) failed to create its"
                        + " commands: java.lang.IllegalStateException: no database")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldBuildTheCommandsOfEveryPluginAndRefuseALateAddition() {
        LoadedPlugin a = new LoadedPlugin(new Registration("a", List.of(command("show a"))), "class path");
        LoadedPlugin b = new LoadedPlugin(new Registration("b", List.of(command("show b"), command("set b"))), "b.jar");

        CommandTree.Builder builder = CommandTree.builder();
        CommandTree tree = CommandTree.build(List.of(a, b));
        assertThat(tree.commands()).extracting(n -> n.plugin() + ":" + n.path())
                .containsExactly("b:set b", "a:show a", "b:show b");
        builder.build();
        assertThatThrownBy(() -> builder.add("late", command("late"))).isInstanceOf(IllegalStateException.class)
                .hasMessage("command tree already built; 'late' comes too late");
    }

    /** A registration with given commands, or one whose commands() fails when they are null. */
    private record Registration(String name, List<CommandDescriptor> commandList) implements PluginRegistration {

        @Override
        public String version() {
            return "1";
        }

        @Override
        public String description() {
            return "";
        }

        @Override
        public boolean enabledByDefault() {
            return true;
        }

        @Override
        public SdkVersion sdkVersion() {
            return SdkVersion.CURRENT;
        }

        @Override
        public List<NodeDescriptor> nodes() {
            return List.of();
        }

        @Override
        public List<FeatureArcDescriptor> featureArcs() {
            return List.of();
        }

        @Override
        public List<FeatureDescriptor> features() {
            return List.of();
        }

        @Override
        public List<CommandDescriptor> commands() {
            if (commandList == null) {
                throw new IllegalStateException("no database");
            }
            return commandList;
        }
    }
}
