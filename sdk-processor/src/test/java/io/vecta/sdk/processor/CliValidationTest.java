package io.vecta.sdk.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.vecta.sdk.processor.Sources.compile;
import static io.vecta.sdk.processor.Sources.plugin;
import static io.vecta.sdk.processor.Sources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One small source per problem of a {@code @CliCommand} method: each message carries its tag,
 * names the method, sits on the offending line, and comes with a {@code help:} line.
 */
class CliValidationTest {

    /** Compiles {@code body} as com.acme.Commands with a plugin and checks one error with its tag on the line. */
    private static void assertSingleError(String body, String tag, String message, String line) {
        JavaFileObject file = source("Commands", body);
        Compilation compilation = compile(plugin(), file);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[" + tag + "] " + message).inFile(file).onLineContaining(line);
        assertThat(compilation).hadErrorContaining("help: ");
    }

    @Test
    void shouldRejectACommandThatReturnsAValue() {
        assertSingleError("""
                public final class Commands {
                    @CliCommand(path = "show acme", shortHelp = "show acme")
                    public static String show(CliInput in, CliOutput out) { return ""; }
                }
                """, "VectaCliSignature", "@CliCommand method show is java.lang.String show(CliInput, CliOutput); a"
                + " command is void show(CliInput in, CliOutput out) or void show(CliContext ctx, CliInput in,"
                + " CliOutput out)", "public static String show");
    }

    @Test
    void shouldRejectACommandWithOtherParameters() {
        assertSingleError("""
                public final class Commands {
                    @CliCommand(path = "show acme", shortHelp = "show acme")
                    public static void show(CliOutput out, CliInput in) { }
                }
                """, "VectaCliSignature", "@CliCommand method show is void show(CliOutput, CliInput); a command is"
                + " void show(CliInput in, CliOutput out)", "public static void show");
    }

    @Test
    void shouldRejectACommandThatIsNotPublic() {
        assertSingleError("""
                public final class Commands {
                    @CliCommand(path = "show acme", shortHelp = "show acme")
                    static void show(CliInput in, CliOutput out) { }
                }
                """, "VectaCliNotPublic", "@CliCommand method show is not public", "static void show");
    }

    @Test
    void shouldRejectAnEmptyPath() {
        assertSingleError("""
                public final class Commands {
                    @CliCommand(path = " ", shortHelp = "show acme")
                    public static void show(CliInput in, CliOutput out) { }
                }
                """, "VectaCliEmptyPath", "@CliCommand method show has an empty path", "public static void show");
    }

    @Test
    void shouldRejectABadPathWord() {
        assertSingleError("""
                public final class Commands {
                    @CliCommand(path = "show Acme", shortHelp = "show acme")
                    public static void show(CliInput in, CliOutput out) { }
                }
                """, "VectaCliPathWord", "command path 'show Acme' of method show has a bad word 'Acme'",
                "public static void show");
    }

    @Test
    void shouldRejectAPathWithAnEmptyWord() {
        assertSingleError("""
                public final class Commands {
                    @CliCommand(path = "show  acme", shortHelp = "show acme")
                    public static void show(CliInput in, CliOutput out) { }
                }
                """, "VectaCliPathWord", "command path 'show  acme' of method show has an empty word",
                "public static void show");
    }

    @Test
    void shouldRejectTwoCommandsOfOnePath() {
        assertSingleError("""
                public final class Commands {
                    @CliCommand(path = "show acme", shortHelp = "show acme")
                    public static void show(CliInput in, CliOutput out) { }

                    @CliCommand(path = "show acme", shortHelp = "show acme again")
                    public static void showAgain(CliInput in, CliOutput out) { }
                }
                """, "VectaCliDuplicatePath", "command path 'show acme' is declared by both com.acme.Commands.show and"
                + " com.acme.Commands.showAgain", "void showAgain");
    }

    @Test
    void shouldRejectACommandWithoutShortHelp() {
        assertSingleError("""
                public final class Commands {
                    @CliCommand(path = "show acme", shortHelp = "")
                    public static void show(CliInput in, CliOutput out) { }
                }
                """, "VectaCliShortHelp", "command 'show acme' (method show) has no short help",
                "public static void show");
    }

    @Test
    void shouldRejectAnInstanceCommandOfAClassWithoutAPublicNoArgumentConstructor() {
        assertSingleError("""
                public final class Commands {
                    Commands() { }

                    @CliCommand(path = "show acme", shortHelp = "show acme")
                    public void show(CliInput in, CliOutput out) { }
                }
                """, "VectaCliConstructor", "class Commands has no public constructor without parameters, needed for"
                + " its instance @CliCommand method show", "public void show");
    }

    @Test
    void shouldRejectAnInstanceCommandOfAClassWhoseConstructorThrowsACheckedException() {
        assertSingleError("""
                public final class Commands {
                    public Commands() throws java.io.IOException { }

                    @CliCommand(path = "show acme", shortHelp = "show acme")
                    public void show(CliInput in, CliOutput out) { }
                }
                """, "VectaCliConstructor", "class Commands has no public constructor without parameters",
                "public void show");
    }

    @Test
    void shouldRejectAnInstanceCommandOfAnAbstractClass() {
        assertSingleError("""
                public abstract class Commands {
                    @CliCommand(path = "show acme", shortHelp = "show acme")
                    public void show(CliInput in, CliOutput out) { }
                }
                """, "VectaCliConstructor", "@CliCommand method show is an instance method, but Commands is not a"
                + " class the registration can create", "public void show");
    }

    @Test
    void shouldRejectAnInstanceCommandOfAnInnerClass() {
        assertSingleError("""
                public final class Commands {
                    public final class Inner {
                        @CliCommand(path = "show acme", shortHelp = "show acme")
                        public void show(CliInput in, CliOutput out) { }
                    }
                }
                """, "VectaCliConstructor", "@CliCommand method show is an instance method, but Inner is not a"
                + " class the registration can create", "public void show");
    }

    @Test
    void shouldRejectACommandOfAClassThatIsNotPublic() {
        assertSingleError("""
                final class Commands {
                    @CliCommand(path = "show acme", shortHelp = "show acme")
                    public static void show(CliInput in, CliOutput out) { }
                }
                """, "VectaCliClassNotPublic", "class Commands of @CliCommand method show is not public",
                "public static void show");
    }

    @Test
    void shouldRejectACommandNestedInAClassThatIsNotPublic() {
        assertSingleError("""
                final class Commands {
                    public static final class Nested {
                        @CliCommand(path = "show acme", shortHelp = "show acme")
                        public static void show(CliInput in, CliOutput out) { }
                    }
                }
                """, "VectaCliClassNotPublic", "class Commands of @CliCommand method show is not public",
                "public static void show");
    }

    @Test
    void shouldRejectCommandsInACompilationWithoutAPlugin() {
        JavaFileObject file = source("Commands", """
                public final class Commands {
                    @CliCommand(path = "show acme", shortHelp = "show acme")
                    public static void show(CliInput in, CliOutput out) { }
                }
                """);
        Compilation compilation = compile(file);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[VectaCliNoPlugin] command 'show acme' (com.acme.Commands.show)"
                + " belongs to no plugin: the compilation has no @Plugin").inFile(file)
                .onLineContaining("public static void show");
    }

    @Test
    void shouldReportEveryProblemOfEveryCommandInOneCompilation() {
        JavaFileObject file = source("Commands", """
                public final class Commands {
                    @CliCommand(path = "", shortHelp = "")
                    void first(int x) { }

                    @CliCommand(path = "show acme", shortHelp = "show acme")
                    public static void second(CliInput in, CliOutput out) { }

                    @CliCommand(path = "show acme", shortHelp = "show acme")
                    public static void third(CliInput in, CliOutput out) { }
                }
                """);
        Compilation compilation = compile(plugin(), file);
        assertThat(compilation).hadErrorCount(5);
        assertThat(compilation).hadErrorContaining("[VectaCliEmptyPath]");
        assertThat(compilation).hadErrorContaining("[VectaCliShortHelp]");
        assertThat(compilation).hadErrorContaining("[VectaCliSignature]");
        assertThat(compilation).hadErrorContaining("[VectaCliNotPublic]");
        assertThat(compilation).hadErrorContaining("[VectaCliDuplicatePath]");
    }
}
