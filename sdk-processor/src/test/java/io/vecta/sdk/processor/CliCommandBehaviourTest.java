package io.vecta.sdk.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import io.vecta.sdk.cli.CliContext;
import io.vecta.sdk.cli.CliException;
import io.vecta.sdk.cli.CliInput;
import io.vecta.sdk.cli.CliOutput;
import io.vecta.sdk.cli.CommandDescriptor;
import io.vecta.sdk.node.PluginRegistration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Runs the commands of a compiled registration: the handlers reach the author's methods. */
class CliCommandBehaviourTest {

    private static final CliContext CONTEXT = new CliContext() {
        @Override
        public <T> Optional<T> service(Class<T> type) {
            return Optional.empty();
        }

        @Override
        public boolean interactive() {
            return true;
        }
    };

    private static PluginRegistration registration() throws Exception {
        Compilation compilation = Sources.compile(Sources.plugin(), Sources.acmeCommands());
        assertThat(compilation).succeededWithoutWarnings();
        return (PluginRegistration) new CompiledClasses(compilation).loadClass("com.acme.Plugin_Registration")
                .getConstructor().newInstance();
    }

    private static String run(CommandDescriptor command, String input) throws Exception {
        CliOutput out = new CliOutput();
        command.handler().run(CONTEXT, CliInput.of(input), out);
        return out.text();
    }

    @Test
    void shouldListCommandsInPathOrderAndRunThemOnOneSharedInstance() throws Exception {
        PluginRegistration registration = registration();
        List<CommandDescriptor> commands = registration.commands();

        assertThat(commands).extracting(CommandDescriptor::path)
                .containsExactly("acme fail", "clear acme", "set acme limit", "show acme");
        assertThat(commands.get(3).longHelp()).isEqualTo("Shows the acme table; verbose adds every entry.");
        assertThat(run(commands.get(3), "")).isEqualTo("acme shown 1 times, interactive\n");
        assertThat(run(commands.get(3), "verbose")).isEqualTo("acme shown 2 times, verbose, interactive\n");
        assertThat(run(commands.get(1), "")).isEqualTo("cleared after 2\n");
        assertThat(registration.commands()).as("the same list, the same instance").isSameAs(commands);
        assertThat(run(registration.commands().get(3), "")).isEqualTo("acme shown 1 times, interactive\n");
    }

    @Test
    void shouldPassCliExceptionsOfTheInputThrough() throws Exception {
        CommandDescriptor limit = registration().commands().get(2);

        assertThat(run(limit, "7")).isEqualTo("limit 7\n");
        assertThatThrownBy(() -> run(limit, "700")).isInstanceOf(CliException.class)
                .hasMessage("limit: expected a number in 1..100, got '700'");
    }

    @Test
    void shouldLeadAStackTraceFromTheRegistrationStraightIntoTheAuthorsMethod() throws Exception {
        CommandDescriptor fail = registration().commands().get(0);

        assertThatThrownBy(() -> run(fail, "")).isInstanceOf(IllegalStateException.class).hasMessage("acme broke")
                .satisfies(e -> {
                    StackTraceElement[] trace = e.getStackTrace();
                    assertThat(trace[0].getClassName()).isEqualTo("com.acme.cli.AcmeCommands");
                    assertThat(trace[0].getMethodName()).isEqualTo("fail");
                    assertThat(trace[1].getClassName()).isEqualTo("com.acme.Plugin_Registration");
                });
    }
}
