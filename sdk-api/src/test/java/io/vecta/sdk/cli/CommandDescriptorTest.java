package io.vecta.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandDescriptorTest {

    private static final CommandHandler NOTHING = (ctx, in, out) -> { };

    @Test
    void shouldSplitThePathIntoWords() {
        CommandDescriptor command = new CommandDescriptor("show ip6 fib", "show ip6 fib", "", NOTHING);

        assertThat(command.words()).containsExactly("show", "ip6", "fib");
    }

    @Test
    void shouldRefuseBadPathWordsAndMissingHelp() {
        assertThatThrownBy(() -> new CommandDescriptor("show  int", "h", "", NOTHING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("command path 'show  int' has a bad word '': words are lower-case letters, digits,"
                        + " '-' and '_', separated by single spaces");
        assertThatThrownBy(() -> new CommandDescriptor("Show", "h", "", NOTHING))
                .hasMessageContaining("has a bad word 'Show'");
        assertThatThrownBy(() -> new CommandDescriptor("", "h", "", NOTHING))
                .hasMessageContaining("command path '' has a bad word ''");
        assertThatThrownBy(() -> new CommandDescriptor("show x", " ", "", NOTHING))
                .hasMessage("command 'show x' has no short help");
        assertThat(CommandDescriptor.isPathWord("l2_bridge-1")).isTrue();
        assertThat(CommandDescriptor.isPathWord("?")).isFalse();
    }
}
