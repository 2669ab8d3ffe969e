package io.vecta.sdk.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.vecta.sdk.processor.Sources.compile;
import static io.vecta.sdk.processor.Sources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One small source per problem the processor reports: each message carries its tag, names
 * the culprit, sits on the offending line, and comes with a {@code help:} line.
 */
class ValidationTest {

    private static final String PROCESS = "@PerPacket int process(NodeContext ctx, int bi) { return 0; }\n";

    /** Compiles {@code body} as com.acme.Node and checks one error with its tag on the line. */
    private static Compilation assertSingleError(String body, String tag, String message, String line) {
        JavaFileObject file = source("Node", body);
        Compilation compilation = compile(file);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[" + tag + "] " + message).inFile(file).onLineContaining(line);
        assertThat(compilation).hadErrorContaining("help: ");
        return compilation;
    }

    @Test
    void shouldRejectEmptyNodeName() {
        assertSingleError("""
                @GraphNode(name = " ")
                final class Node { %s }
                """.formatted(PROCESS), "VectaNodeName", "node class Node has an empty name", "final class Node");
    }

    @Test
    void shouldRejectAbstractNodeClass() {
        assertSingleError("""
                @GraphNode(name = "n")
                abstract class Node { %s }
                """.formatted(PROCESS), "VectaNodeClass", "node 'n' must be a concrete class", "abstract class Node");
    }

    @Test
    void shouldRejectInnerNodeClass() {
        assertSingleError("""
                final class Node {
                    @GraphNode(name = "n")
                    final class Inner { %s }
                }
                """.formatted(PROCESS), "VectaNodeClass", "node class Inner must be a top-level or static nested class",
                "final class Inner");
    }

    @Test
    void shouldRejectNodeWithoutNoArgumentConstructor() {
        assertSingleError("""
                @GraphNode(name = "n")
                final class Node {
                    Node(int size) { }
                    %s
                }
                """.formatted(PROCESS), "VectaNodeConstructor",
                "node class Node has no non-private constructor without parameters", "final class Node");
    }

    @Test
    void shouldRejectNonFinalField() {
        assertSingleError("""
                @GraphNode(name = "n")
                final class Node {
                    int packets;
                    %s
                }
                """.formatted(PROCESS), "VectaNodeMutableField", "field packets of node 'n' is not final",
                "int packets;");
    }

    @Test
    void shouldRejectNextOnNonConstant() {
        assertSingleError("""
                @GraphNode(name = "n")
                final class Node {
                    @Next("error-drop") final int drop = 0;
                    %s
                }
                """.formatted(PROCESS), "VectaNextField",
                "@Next(\"error-drop\") must mark a static final int constant; drop is not one", "final int drop");
    }

    @Test
    void shouldRejectNextWithoutName() {
        assertSingleError("""
                @GraphNode(name = "n")
                final class Node {
                    @Next("") static final int NEXT = 0;
                    %s
                }
                """.formatted(PROCESS), "VectaNextName", "@Next on NEXT names no node", "static final int NEXT");
    }

    @Test
    void shouldRejectDuplicateNextIndex() {
        assertSingleError("""
                @GraphNode(name = "n")
                final class Node {
                    @Next("ip4-lookup") static final int LOOKUP = 0;
                    @Next("error-drop") static final int DROP = 0;
                    %s
                }
                """.formatted(PROCESS), "VectaNextIndex", "next index 0 of node 'n' is used by both LOOKUP and DROP",
                "int DROP");
    }

    @Test
    void shouldRejectGapInNextIndices() {
        assertSingleError("""
                @GraphNode(name = "n")
                final class Node {
                    @Next("ip4-lookup") static final int LOOKUP = 0;
                    @Next("error-drop") static final int DROP = 2;
                    %s
                }
                """.formatted(PROCESS), "VectaNextIndex",
                "next index 2 of DROP is outside 0 to 1 (node 'n' has 2 @Next constants)", "int DROP");
    }

    @Test
    void shouldRejectSiblingWithOwnNexts() {
        assertSingleError("""
                @GraphNode(name = "n", siblingOf = "ip4-lookup")
                final class Node {
                    @Next("error-drop") static final int DROP = 0;
                    %s
                }
                """.formatted(PROCESS), "VectaSibling",
                "node 'n' is a sibling of 'ip4-lookup' and also declares @Next constants", "final class Node");
    }

    @Test
    void shouldRejectErrorWithoutDescription() {
        assertSingleError("""
                @GraphNode(name = "n", errors = Node.Error.class)
                final class Node {
                    enum Error {
                        @ErrorCounter(description = "fine") FINE,
                        UNDESCRIBED
                    }
                    %s
                }
                """.formatted(PROCESS), "VectaErrorDescription", "error UNDESCRIBED of node 'n' has no description",
                "UNDESCRIBED");
    }

    @Test
    void shouldRejectBlankErrorDescription() {
        assertSingleError("""
                @GraphNode(name = "n", errors = Node.Error.class)
                final class Node {
                    enum Error { @ErrorCounter(description = "") EMPTY }
                    %s
                }
                """.formatted(PROCESS), "VectaErrorDescription", "error EMPTY of node 'n' has no description",
                "EMPTY");
    }

    @Test
    void shouldRejectNodeWithoutProcessMethod() {
        assertSingleError("""
                @GraphNode(name = "n")
                final class Node {
                    int process(NodeContext ctx, int bi) { return 0; }
                }
                """, "VectaNodeNoProcess", "node 'n' has no @PerPacket or @PerFrame method", "final class Node");
    }

    @Test
    void shouldRejectSecondProcessMethod() {
        assertSingleError("""
                @GraphNode(name = "n")
                final class Node {
                    %s
                    @PerFrame void vector(NodeContext ctx, Frame frame) { }
                }
                """.formatted(PROCESS), "VectaNodeDuplicateProcess",
                "node 'n' has a second process method vector (the first is process)", "void vector");
    }

    @Test
    void shouldRejectMethodMarkedBothPerPacketAndPerFrame() {
        assertSingleError("""
                @GraphNode(name = "n")
                final class Node {
                    @PerPacket @PerFrame int process(NodeContext ctx, int bi) { return 0; }
                }
                """, "VectaNodeDuplicateProcess", "method process is marked both @PerPacket and @PerFrame",
                "int process");
    }

    @Test
    void shouldRejectPerPacketReturningVoid() {
        assertSingleError("""
                @GraphNode(name = "n")
                final class Node {
                    @PerPacket void process(NodeContext ctx, int bi) { }
                }
                """, "VectaNodeSignature",
                "@PerPacket method process returns void; expected int process(NodeContext ctx, int bi)",
                "void process");
    }

    @Test
    void shouldRejectPerPacketWithWrongParameters() {
        assertSingleError("""
                @GraphNode(name = "n")
                final class Node {
                    @PerPacket int process(int bi) { return 0; }
                }
                """, "VectaNodeSignature",
                "@PerPacket method process has parameters (int); expected int process(NodeContext ctx, int bi)"
                        + " or int process(NodeContext ctx, int bi, long b)",
                "int process");
    }

    @Test
    void shouldRejectPerPacketWhoseThirdParameterIsNotTheAddress() {
        assertSingleError("""
                @GraphNode(name = "n")
                final class Node {
                    @PerPacket int process(NodeContext ctx, int bi, int b) { return 0; }
                }
                """, "VectaNodeSignature",
                "@PerPacket method process has parameters (io.vecta.sdk.node.NodeContext, int, int); expected"
                        + " int process(NodeContext ctx, int bi, long b)",
                "int process");
    }

    @Test
    void shouldRejectStaticPerFrame() {
        assertSingleError("""
                @GraphNode(name = "n")
                final class Node {
                    @PerFrame static void process(NodeContext ctx, Frame frame) { }
                }
                """, "VectaNodeSignature", "@PerFrame method process must be an instance method that is not private",
                "static void process");
    }

    @Test
    void shouldRejectPerFrameWithWrongParameters() {
        assertSingleError("""
                @GraphNode(name = "n")
                final class Node {
                    @PerFrame void process(NodeContext ctx, int[] buffers) { }
                }
                """, "VectaNodeSignature", "@PerFrame method process has parameters (io.vecta.sdk.node.NodeContext,"
                + " int[]); expected void process(NodeContext ctx, Frame frame)", "void process");
    }

    @Test
    void shouldRejectTraceReturningPrimitive() {
        assertSingleError("""
                @GraphNode(name = "n")
                final class Node {
                    %s
                    @Trace int trace(NodeContext ctx, int bi, int next) { return next; }
                }
                """.formatted(PROCESS), "VectaNodeSignature",
                "@Trace method trace must return the node's trace record, not int", "int trace");
    }

    @Test
    void shouldRejectTraceWithWrongParameters() {
        assertSingleError("""
                @GraphNode(name = "n")
                final class Node {
                    %s
                    @Trace String trace(int bi) { return ""; }
                }
                """.formatted(PROCESS), "VectaNodeSignature", "@Trace method trace has parameters (int); expected"
                + " SomeTrace trace(NodeContext ctx, int bi, int next)", "String trace");
    }

    @Test
    void shouldRejectSecondTraceMethod() {
        assertSingleError("""
                @GraphNode(name = "n")
                final class Node {
                    %s
                    @Trace String trace(NodeContext ctx, int bi, int next) { return ""; }
                    @Trace String again(NodeContext ctx, int bi, int next) { return ""; }
                }
                """.formatted(PROCESS), "VectaTraceDuplicate",
                "node 'n' has a second @Trace method again (the first is trace)", "String again");
    }

    @Test
    void shouldRejectFeatureWithoutArc() {
        assertSingleError("""
                @GraphNode(name = "n")
                @Feature(arc = "")
                final class Node { %s }
                """.formatted(PROCESS), "VectaFeatureArc", "@Feature of Node names no arc", "final class Node");
    }

    @Test
    void shouldRejectFeatureArcWithoutStartNodes() {
        assertSingleError("""
                @FeatureArc(name = "ip4-unicast", startNodes = {}, lastNode = "ip4-lookup")
                final class Node { }
                """, "VectaFeatureArc", "@FeatureArc 'ip4-unicast' needs a name, at least one start node and a last"
                + " node", "final class Node");
    }

    @Test
    void shouldRejectFeatureArcDeclaredTwice() {
        assertSingleError("""
                @FeatureArc(name = "ip4-unicast", startNodes = "ip4-input", lastNode = "ip4-lookup")
                @FeatureArc(name = "ip4-unicast", startNodes = "ip4-input", lastNode = "ip4-lookup")
                final class Node { }
                """, "VectaFeatureArc", "feature arc 'ip4-unicast' is declared twice", "final class Node");
    }

    @Test
    void shouldRejectAnnotationsOutsideNodeClass() {
        assertSingleError("""
                final class Node {
                    %s
                }
                """.formatted(PROCESS), "VectaNotInNode",
                "@PerPacket on process has no effect outside a @GraphNode class", "int process");
    }

    @Test
    void shouldRejectDuplicateNodeNames() {
        JavaFileObject first = source("First", "@GraphNode(name = \"dup\") final class First { " + PROCESS + "}");
        JavaFileObject second = source("Second", "@GraphNode(name = \"dup\") final class Second { " + PROCESS + "}");
        Compilation compilation = compile(first, second);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[VectaDuplicateNode] node name 'dup' is declared by both ")
                .inFile(second).onLineContaining("class Second");
    }

    @Test
    void shouldRejectNextNameThatIsATypoOfANodeOfThisPlugin() {
        JavaFileObject lookup = source("Lookup", "@GraphNode(name = \"acme-lookup\") final class Lookup { "
                + PROCESS + "}");
        JavaFileObject input = source("Input", """
                @GraphNode(name = "acme-input")
                final class Input {
                    @Next("acme-lokup") static final int NEXT_LOOKUP = 0;
                    %s
                }
                """.formatted(PROCESS));
        Compilation compilation = compile(lookup, input);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[VectaUnknownNode] next 'acme-lokup' of node 'acme-input' names"
                + " no node of this plugin; did you mean 'acme-lookup' (com.acme.Lookup)?")
                .inFile(input).onLineContaining("NEXT_LOOKUP");
    }

    @Test
    void shouldRejectSiblingNameThatIsATypoOfANodeOfThisPlugin() {
        JavaFileObject lookup = source("Lookup", "@GraphNode(name = \"acme-lookup\") final class Lookup { "
                + PROCESS + "}");
        JavaFileObject sibling = source("Sibling", "@GraphNode(name = \"acme-other\", siblingOf = \"acme-lookpu\")"
                + " final class Sibling { " + PROCESS + "}");
        Compilation compilation = compile(lookup, sibling);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[VectaUnknownNode] node 'acme-other' is a sibling of"
                + " 'acme-lookpu', which no node declares; did you mean 'acme-lookup'").inFile(sibling);
    }

    @Test
    void shouldRejectFeatureOrderCycle() {
        JavaFileObject a = source("A", """
                @GraphNode(name = "feat-a")
                @Feature(arc = "ip4-unicast", runsBefore = "feat-b")
                final class A { %s }
                """.formatted(PROCESS));
        JavaFileObject b = source("B", """
                @GraphNode(name = "feat-b")
                @Feature(arc = "ip4-unicast", runsBefore = "feat-c")
                final class B { %s }
                """.formatted(PROCESS));
        JavaFileObject c = source("C", """
                @GraphNode(name = "feat-c")
                @Feature(arc = "ip4-unicast", runsAfter = {}, runsBefore = "feat-a")
                final class C { %s }
                """.formatted(PROCESS));
        Compilation compilation = compile(a, b, c);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[VectaFeatureCycle] features of arc 'ip4-unicast' must run in a"
                + " cycle: feat-a -> feat-b -> feat-c -> feat-a").inFile(a);
    }

    @Test
    void shouldRejectSecondPlugin() {
        JavaFileObject one = source("One", "@Plugin(name = \"one\", version = \"1\") final class One { }");
        JavaFileObject two = source("Two", "@Plugin(name = \"two\", version = \"1\") final class Two { }");
        Compilation compilation = compile(one, two);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[VectaDuplicatePlugin] a second @Plugin in one compilation");
    }

    @Test
    void shouldRejectPluginWithoutVersion() {
        assertSingleError("""
                @Plugin(name = "acme", version = "")
                final class Node { }
                """, "VectaPlugin", "@Plugin needs a name and a version", "final class Node");
    }

    @Test
    void shouldReportEveryProblemOfANodeNotJustTheFirst() {
        JavaFileObject file = source("Node", """
                @GraphNode(name = "n", errors = Node.Error.class)
                final class Node {
                    enum Error { UNDESCRIBED }
                    int packets;
                    @Next("x-y") static final int NEXT = 3;
                    @PerPacket void process(NodeContext ctx, int bi) { }
                }
                """);
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorCount(4);
        assertThat(compilation).hadErrorContaining("[VectaErrorDescription]");
        assertThat(compilation).hadErrorContaining("[VectaNodeMutableField]");
        assertThat(compilation).hadErrorContaining("[VectaNextIndex]");
        assertThat(compilation).hadErrorContaining("[VectaNodeSignature]");
    }
}
