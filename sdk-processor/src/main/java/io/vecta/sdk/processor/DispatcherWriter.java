package io.vecta.sdk.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Node>_Dispatch}, the {@code NodeFunction} that runs one node over a frame.
 *
 * <p>For a {@code @PerPacket} node the loop has VPP's shape: four buffers at a time while at least
 * eight remain, then one at a time. A node with a trace method gets a second copy of the loop for
 * frames that may hold traced buffers ({@code Frame.isTraced()}, VPP's frame trace flag): it reads
 * the flags of the next four buffers one iteration early (VPP prefetches them; here the read flags
 * are kept for the trace check, so the JIT cannot drop the reads), and runs the trace method only
 * for buffers with the traced flag. Untraced frames, nearly all of them, read no flags at all. Next
 * indices go into an array handed to the runtime in one bulk enqueue; the loop also keeps their OR
 * and AND in two registers, and when those agree every buffer has the same next, so the frame goes
 * to it in one single-next enqueue, with no pass over the array to find runs (most frames go whole
 * to one next). An outcome that carries an error is counted into an array added once per frame;
 * the test for one is a branch that almost always goes the same way, cheaper than an increment per
 * packet whose load waits on the previous packet's store. The node is held in a final field of its
 * exact class, so every call to it is monomorphic and a stack trace shows the dispatcher, then the
 * node's own method.
 */
final class DispatcherWriter {

    static final ClassName NODE_FUNCTION = ClassName.get(Names.NODE_PACKAGE, "NodeFunction");
    static final ClassName NODE_CONTEXT = ClassName.get(Names.NODE_PACKAGE, "NodeContext");
    static final ClassName FRAME = ClassName.get(Names.NODE_PACKAGE, "Frame");
    static final ClassName OUTCOME = ClassName.get(Names.NODE_PACKAGE, "Outcome");
    static final ClassName NODE_DESCRIPTOR = ClassName.get(Names.NODE_PACKAGE, "NodeDescriptor");
    static final ClassName ERROR_DESCRIPTOR = ClassName.get(Names.NODE_PACKAGE, "ErrorDescriptor");
    static final ClassName BUFFERS = ClassName.get("io.vecta.sdk.buffer", "Buffers");
    static final ClassName BUFFER_FLAGS = ClassName.get("io.vecta.sdk.buffer", "BufferFlags");
    static final ClassName UNCHECKED_BUFFERS = ClassName.get("io.vecta.sdk.buffer", "UncheckedBuffers");
    static final ClassName NODE_TYPE = ClassName.get(Names.ANNOTATION_PACKAGE, "NodeType");
    static final ClassName SEVERITY = ClassName.get(Names.ANNOTATION_PACKAGE, "Severity");
    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    static final ClassName LIST = ClassName.get("java.util", "List");
    static final ClassName ARRAYS = ClassName.get("java.util", "Arrays");
    static final String PROCESSOR = "io.vecta.sdk.processor.NodeProcessor";

    private static final int QUAD = 4;

    /** The dispatcher's source. */
    JavaFile write(NodeModel node) {
        ClassName self = node.dispatcherClass();
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addOriginatingElement(node.element())
                .addAnnotation(generated(node.nodeClass().canonicalName()))
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(NODE_FUNCTION)
                .addJavadoc("Runs node {@code $S} ({@link $T}) over a frame: "
                        + (node.perPacket() ? "its per-packet method for each buffer, four at a time.\n"
                                : "its per-frame method.\n"), node.name(), node.nodeClass())
                .addField(FieldSpec.builder(node.nodeClass(), "node", Modifier.PRIVATE, Modifier.FINAL).build());
        if (node.perPacket()) {
            type.addField(scratch("nexts", "Next index of each buffer of the frame, enqueued in bulk.",
                    CodeBlock.of("new int[$T.CAPACITY]", FRAME)));
            if (hasTracedLoop(node)) {
                type.addField(scratch("flags", "Flags of each buffer, read one quad ahead of its processing.",
                        CodeBlock.of("new int[$T.CAPACITY]", FRAME)));
            }
            if (!node.errors().isEmpty()) {
                type.addField(scratch("errorCounts",
                        "Packets of this frame per error slot: 0 for none, else the error code plus one.",
                        CodeBlock.of("new int[$L]", node.errors().size() + 1)));
            }
        }
        type.addMethod(MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("A dispatcher for one thread's instance of the node.\n")
                .addParameter(node.nodeClass(), "node")
                .addStatement("this.node = node")
                .build());
        type.addMethod(descriptor(node));
        if (!node.perPacket()) {
            type.addMethod(perFrameDispatch(node));
        } else if (hasTracedLoop(node)) {
            type.addMethod(perPacketLoop(node, false, "dispatch"));
            type.addMethod(perPacketLoop(node, true, "dispatchTraced"));
        } else {
            type.addMethod(perPacketLoop(node, false, "dispatch"));
        }
        return JavaFile.builder(self.packageName(), type.build())
                .indent("    ")
                .skipJavaLangImports(true)
                .build();
    }

    static AnnotationSpec generated(String origin) {
        return AnnotationSpec.builder(GENERATED)
                .addMember("value", "$S", PROCESSOR)
                .addMember("comments", "$S", "origin: " + origin)
                .build();
    }

    private static FieldSpec scratch(String name, String doc, CodeBlock initializer) {
        return FieldSpec.builder(int[].class, name, Modifier.PRIVATE, Modifier.FINAL)
                .addJavadoc(doc + "\n")
                .initializer(initializer)
                .build();
    }

    private static MethodSpec descriptor(NodeModel node) {
        CodeBlock errors = java.util.stream.IntStream.range(0, node.errors().size())
                .mapToObj(code -> CodeBlock.of("\nnew $T($L, $S, $S, $T.$L)", ERROR_DESCRIPTOR, code,
                        node.errors().get(code).name(), node.errors().get(code).description(), SEVERITY,
                        node.errors().get(code).severity()))
                .collect(CodeBlock.joining(","));
        CodeBlock nexts = node.nextNames().stream()
                .map(n -> CodeBlock.of("$S", n))
                .collect(CodeBlock.joining(", "));
        CodeBlock trace = node.hasTrace() ? CodeBlock.of("$T.class", node.traceType()) : CodeBlock.of("Void.class");
        return MethodSpec.methodBuilder("descriptor")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(NODE_DESCRIPTOR)
                .addJavadoc("The node as its plugin registers it; each thread gets its own node instance.\n")
                .addCode("return new $T(\n$>$>", NODE_DESCRIPTOR)
                .addCode("$S,\n", node.name())
                .addCode("$T.$L,\n", NODE_TYPE, node.type())
                .addCode("$T.of($L),\n", LIST, nexts)
                .addCode("$S,\n", node.siblingOf())
                .addCode(node.errors().isEmpty() ? "$T.of($L),\n" : "$T.of($>$>$L$<$<),\n", LIST, errors)
                .addCode("$L,\n", trace)
                .addCode("() -> new $T(new $T()));\n$<$<", node.dispatcherClass(), node.nodeClass())
                .build();
    }

    private static MethodSpec perFrameDispatch(NodeModel node) {
        return MethodSpec.methodBuilder("dispatch")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(int.class)
                .addParameter(NODE_CONTEXT, "ctx")
                .addParameter(FRAME, "frame")
                .addComment("counted first: a node that passes its frame on no longer owns it")
                .addStatement("int count = frame.count()")
                .addStatement("node.$L(ctx, frame)", node.processMethod())
                .addStatement("return count")
                .build();
    }

    /**
     * Whether the node has a loop of its own for frames that may hold traced buffers: to take
     * its trace records, and to tell each traced buffer the error it was counted under, so that
     * the drop node's trace names the reason.
     */
    private static boolean hasTracedLoop(NodeModel node) {
        return node.hasTrace() || !node.errors().isEmpty();
    }

    /**
     * The per-packet loop. For a node with a traced loop ({@link #hasTracedLoop}),
     * {@code dispatch} is the loop without any look at buffer flags and hands a frame that may
     * hold traced buffers to {@code dispatchTraced}, the same loop with the flags read ahead,
     * the trace record and the error noted on each traced buffer.
     */
    private static MethodSpec perPacketLoop(NodeModel node, boolean traced, String name) {
        boolean errors = !node.errors().isEmpty();
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .returns(int.class)
                .addParameter(NODE_CONTEXT, "ctx")
                .addParameter(FRAME, "frame");
        if (traced) {
            method.addModifiers(Modifier.PRIVATE)
                    .addJavadoc("The loop for a frame that may hold traced buffers: each buffer's flags say whether to trace it.\n");
        } else {
            method.addAnnotation(Override.class).addModifiers(Modifier.PUBLIC);
            if (hasTracedLoop(node)) {
                method.beginControlFlow("if (ctx.tracing())")
                        .addStatement("return dispatchTraced(ctx, frame)")
                        .endControlFlow();
            }
        }
        method.addStatement("$T node = this.node", node.nodeClass());
        if (traced) {
            method.addStatement("$T buffers = ctx.buffers()", BUFFERS);
        }
        if (node.takesAddress()) {
            method.addStatement("long base = ctx.buffers().baseAddress()");
        }
        method.addStatement("int[] from = frame.buffers()")
                .addStatement("int count = frame.count()")
                .addStatement("int[] nexts = this.nexts");
        if (traced) {
            method.addStatement("int[] flags = this.flags");
        }
        if (errors) {
            method.addStatement("int[] errorCounts = this.errorCounts");
        }
        if (oneError(node)) {
            method.addComment("One error counter: each packet's slot (0 or 1) is added in a register, with no branch")
                    .addComment("to mispredict where errors are scattered; the OR of the slots catches a code out of range.")
                    .addStatement("int errored = 0")
                    .addStatement("int slots = 0");
        }
        if (traced) {
            method.beginControlFlow("for (int first = 0; first < $L && first < count; first++)", QUAD)
                    .addStatement("flags[first] = buffers.flags(from[first])")
                    .endControlFlow();
        }
        method.addStatement("int anyNext = 0")
                .addStatement("int allNext = -1")
                .addStatement("int i = 0");
        if (traced) {
            method.addComment("Four at a time while eight remain: the next four buffers' metadata is read now,")
                    .addComment("one iteration before their turn, so that it is in cache by then.");
        } else {
            method.addComment("Four at a time while eight remain, then one at a time.");
        }
        method.addComment("The bound is a plain i < quadEnd so that the JIT sees a counted loop and checks the")
                .addComment("array indices once, before it, instead of for every buffer.")
                .beginControlFlow("for (int quadEnd = count - $L; i < quadEnd; i += $L)", 2 * QUAD - 1, QUAD);
        if (traced) {
            for (int k = 0; k < QUAD; k++) {
                method.addStatement("flags[i + $L] = buffers.flags(from[i + $L])", QUAD + k, QUAD + k);
            }
        }
        for (int k = 0; k < QUAD; k++) {
            method.addCode(processOne(node, traced, k == 0 ? "i" : "i + " + k, Integer.toString(k)));
        }
        method.endControlFlow()
                .beginControlFlow("while (i < count)");
        if (traced) {
            method.addStatement("flags[i] = buffers.flags(from[i])");
        }
        method.addCode(processOne(node, traced, "i", ""))
                .addStatement("i++")
                .endControlFlow()
                .addComment("The OR and the AND of the next indices agree only if all are equal: then one")
                .addComment("next takes the whole frame with no look at each buffer's next.")
                .beginControlFlow("if (anyNext == allNext)")
                .addStatement("ctx.enqueueToSingleNext(from, anyNext, count)")
                .nextControlFlow("else")
                .addStatement("ctx.enqueueToNext(from, nexts, count)")
                .endControlFlow();
        if (oneError(node)) {
            method.beginControlFlow("if ((slots & ~1) != 0)")
                    .addStatement("throw new $T($S)", IndexOutOfBoundsException.class,
                            "node " + node.name() + " returned an error code it does not have; its only one is 0")
                    .endControlFlow()
                    .addStatement("errorCounts[1] = errored");
        }
        if (errors) {
            method.addStatement("ctx.addErrors(errorCounts, 1)")
                    .addStatement("$T.fill(errorCounts, 0)", ARRAYS);
        }
        return method.addStatement("return count").build();
    }

    /** Whether the node has exactly one error counter, counted in a register by its loops. */
    private static boolean oneError(NodeModel node) {
        return node.errors().size() == 1;
    }

    /** The work on buffer {@code from[at]}: call the node, keep the next, count the error, trace. */
    private static CodeBlock processOne(NodeModel node, boolean traced, String at, String suffix) {
        CodeBlock.Builder code = CodeBlock.builder();
        String next = "next" + suffix;
        CodeBlock arguments = node.takesAddress()
                ? CodeBlock.of("ctx, from[$L], $T.address(base, from[$L])", at, UNCHECKED_BUFFERS, at)
                : CodeBlock.of("ctx, from[$L]", at);
        if (node.errors().isEmpty()) {
            code.addStatement("int $L = node.$L($L)", next, node.processMethod(), arguments);
        } else {
            String outcome = "outcome" + suffix;
            code.addStatement("int $L = node.$L($L)", outcome, node.processMethod(), arguments)
                    .addStatement("int $L = $T.next($L)", next, OUTCOME, outcome);
            if (oneError(node)) {
                code.addStatement("errored += $T.errorSlot($L)", OUTCOME, outcome)
                        .addStatement("slots |= $T.errorSlot($L)", OUTCOME, outcome);
            } else {
                code.beginControlFlow("if ($T.errorSlot($L) != 0)", OUTCOME, outcome)
                        .addStatement("errorCounts[$T.errorSlot($L)]++", OUTCOME, outcome)
                        .endControlFlow();
            }
        }
        code.addStatement("nexts[$L] = $L", at, next)
                .addStatement("anyNext |= $L", next)
                .addStatement("allNext &= $L", next);
        if (traced) {
            code.beginControlFlow("if ((flags[$L] & $T.IS_TRACED) != 0)", at, BUFFER_FLAGS);
            if (node.hasTrace()) {
                code.addStatement("ctx.addTrace(from[$L], node.$L(ctx, from[$L], nexts[$L]))", at,
                        node.traceMethod(), at, at);
            }
            if (!node.errors().isEmpty()) {
                String outcome = "outcome" + suffix;
                code.beginControlFlow("if ($T.errorSlot($L) != 0)", OUTCOME, outcome)
                        .addStatement("ctx.noteCountedError(from[$L], $T.errorSlot($L) - 1)", at, OUTCOME, outcome)
                        .endControlFlow();
            }
            code.endControlFlow();
        }
        return code.build();
    }
}
