package io.vecta.sdk.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.vecta.sdk.processor.Sources.plugin;
import static io.vecta.sdk.processor.Sources.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.vecta.sdk.node.NodeDescriptor;
import io.vecta.sdk.node.PluginRegistration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A node whose trace record another processor generates: it is read once that type exists,
 * and the plugin's registration, written after it, lists it.
 */
class DeferredNodeTest {

    /** Writes {@code com.acme.FlowTrace} in the first round, as a record-generating processor would. */
    private static final class TraceGenerator extends AbstractProcessor {
        private boolean written;

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!written && !round.processingOver()) {
                written = true;
                try (Writer out = processingEnv.getFiler().createSourceFile("com.acme.FlowTrace").openWriter()) {
                    out.write("package com.acme;\npublic record FlowTrace(int bi, int next) {}\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return false;
        }
    }

    private static final String NODE = """
            @GraphNode(name = "flow-count")
            public final class FlowCount {
                @Next("error-drop") static final int NEXT_DROP = 0;

                @PerPacket
                int process(NodeContext ctx, int bi) {
                    return NEXT_DROP;
                }

                @Trace
                FlowTrace trace(NodeContext ctx, int bi, int next) {
                    return new FlowTrace(bi, next);
                }
            }
            """;

    @Test
    void shouldWaitForATraceTypeAnotherProcessorGeneratesAndListTheNode() throws Exception {
        Compilation compilation = javac().withProcessors(new TraceGenerator(), new NodeProcessor())
                .withOptions("-Xlint:all", "-Xlint:-processing").compile(plugin(), source("FlowCount", NODE));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.FlowCount_Dispatch");
        PluginRegistration plugin = (PluginRegistration) new CompiledClasses(compilation)
                .loadClass("com.acme.Plugin_Registration").getConstructor().newInstance();
        assertThat(plugin.nodes()).extracting(NodeDescriptor::name).containsExactly("flow-count");
        assertThat(plugin.nodes().get(0).traceType().getName()).isEqualTo("com.acme.FlowTrace");
    }

    @Test
    void shouldSayWhichNodeWaitedWhenTheTypeNeverComes() {
        JavaFileObject node = source("FlowCount", NODE);

        Compilation compilation = Sources.compile(plugin(), node);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[VectaUnresolvedType] node class com.acme.FlowCount refers to types"
                + " that no source or annotation processor produced").inFile(node).onLineContaining("class FlowCount");
        assertThat(compilation).hadErrorContaining("FlowTrace");
    }
}
