package io.vecta.sdk.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.vecta.sdk.processor.Sources.compile;
import static io.vecta.sdk.processor.Sources.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** Each annotation in the forms an author may write, accepted without a warning. */
class HappyPathTest {

    @Test
    void shouldAcceptSiblingNodeWithoutNextsAndNodeTypes() {
        Compilation compilation = compile(source("Sibling", """
                @GraphNode(name = "ip4-rewrite-mcast", type = NodeType.INTERNAL, siblingOf = "ip4-rewrite")
                final class Sibling {
                    @PerPacket int process(NodeContext ctx, int bi) { return 0; }
                }
                """), source("Poller", """
                @GraphNode(name = "acme-poll", type = NodeType.PRE_INPUT)
                final class Poller {
                    @PerFrame void process(NodeContext ctx, Frame frame) { }
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.Sibling_Dispatch");
        assertThat(compilation).generatedSourceFile("com.acme.Poller_Dispatch");
    }

    @Test
    void shouldAcceptNextNamesOfOtherPluginsIncludingNamesThatDifferOnlyInADigit() {
        Compilation compilation = compile(source("Ip6Input", """
                @GraphNode(name = "ip6-input")
                final class Ip6Input {
                    @Next("ip4-input") static final int NEXT_IP4 = 0;
                    @Next("some-other-plugin-node") static final int NEXT_OTHER = 1;
                    @PerPacket int process(NodeContext ctx, int bi) { return NEXT_OTHER; }
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void shouldAcceptNestedNodeWithTraceRecordThatFormatsItself() {
        Compilation compilation = compile(source("Outer", """
                final class Outer {
                    record Seen(int bi) {
                        String format() { return "seen " + bi; }
                    }

                    @GraphNode(name = "acme-nested")
                    static final class Nested {
                        private final int[] scratch = new int[4];
                        @Next("error-drop") static final int NEXT_DROP = 0;
                        @PerPacket int process(NodeContext ctx, int bi) { scratch[0]++; return NEXT_DROP; }
                        @Trace Seen trace(NodeContext ctx, int bi, int next) { return new Seen(bi); }
                    }
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.Outer_Nested_Dispatch");
    }

    @Test
    void shouldAcceptRepeatedFeatureArcsOnAPackageAndFeaturesInOrder() {
        Compilation compilation = compile(
                com.google.testing.compile.JavaFileObjects.forSourceString("com.acme.package-info", """
                        @FeatureArc(name = "acme-in", startNodes = "ethernet-input", lastNode = "acme-last")
                        @FeatureArc(name = "acme-out", startNodes = {"a", "b"}, lastNode = "interface-output")
                        @FeatureArc(name = "acme-tx", startNodes = "a", lastNode = "interface-output",
                                txInterface = true)
                        @Plugin(name = "acme", version = "1.0.0")
                        package com.acme;

                        import io.vecta.sdk.annotation.FeatureArc;
                        import io.vecta.sdk.annotation.Plugin;
                        """),
                source("First", """
                        @GraphNode(name = "acme-first")
                        @Feature(arc = "acme-in", runsBefore = "acme-second")
                        final class First { @PerPacket int process(NodeContext ctx, int bi) { return 0; } }
                        """),
                source("Second", """
                        @GraphNode(name = "acme-second")
                        @Feature(arc = "acme-in", runsAfter = "acme-first")
                        final class Second { @PerPacket int process(NodeContext ctx, int bi) { return 0; } }
                        """));
        assertThat(compilation).succeededWithoutWarnings();
        String registration = compilation.generatedSourceFile("com.acme.Plugin_Registration").orElseThrow()
                .toString();
        assertThat(registration).contains("Plugin_Registration");
        assertThat(compilation).generatedSourceFile("com.acme.Plugin_Registration").contentsAsUtf8String()
                .contains("new FeatureArcDescriptor(\"acme-out\", List.of(\"a\", \"b\"), \"interface-output\")");
        assertThat(compilation).generatedSourceFile("com.acme.Plugin_Registration").contentsAsUtf8String()
                .contains("new FeatureArcDescriptor(\"acme-tx\", List.of(\"a\"), \"interface-output\", true)");
    }

    @Test
    void shouldMarkGeneratedCodeWithItsOrigin() {
        Compilation compilation = compile(Sources.ttlCheck());
        assertThat(compilation).generatedSourceFile("com.acme.TtlCheck_Dispatch").contentsAsUtf8String()
                .contains("comments = \"origin: com.acme.TtlCheck\"");
    }
}
