package io.vecta.sdk.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Reads one {@code @GraphNode} class into a {@link NodeModel}, checking everything that can
 * be checked on the class alone and reporting every problem it finds.
 */
final class NodeReader {

    private static final String PER_PACKET = "int process(NodeContext ctx, int bi)";
    /** The per-packet form that is also handed the buffer's address, for {@code UncheckedBuffers}. */
    private static final String PER_PACKET_WITH_ADDRESS = "int process(NodeContext ctx, int bi, long b)";

    private final Annotations annotations;
    private final Types types;
    private final Diagnostics diagnostics;

    NodeReader(Annotations annotations, Types types, Diagnostics diagnostics) {
        this.annotations = annotations;
        this.types = types;
        this.diagnostics = diagnostics;
    }

    /** The node's model, or null if the class has problems (all of them reported). */
    NodeModel read(TypeElement node) {
        int errorsBefore = diagnostics.errorCount();
        AnnotationMirror graphNode = annotations.find(node, Names.GRAPH_NODE);
        String name = annotations.string(graphNode, "name");
        if (name.isBlank()) {
            diagnostics.error(node, "VectaNodeName", "node class " + node.getSimpleName() + " has an empty name",
                    "give the node its graph name, e.g. @GraphNode(name = \"ip4-ttl-check\")");
        }
        checkClassShape(node, name);
        checkFields(node, name);
        List<String> nextNames = readNexts(node, name);
        String siblingOf = annotations.string(graphNode, "siblingOf");
        if (!siblingOf.isEmpty() && !nextNames.isEmpty()) {
            diagnostics.error(node, "VectaSibling", "node '" + name + "' is a sibling of '" + siblingOf
                    + "' and also declares @Next constants",
                    "a sibling shares the next nodes of '" + siblingOf + "': remove its @Next constants or siblingOf");
        }
        List<NodeModel.ErrorModel> errors = readErrors(node, graphNode, name);
        ExecutableElement process = findProcess(node, name);
        ExecutableElement trace = findTrace(node, name);
        NodeModel.FeatureModel feature = readFeature(node);
        if (diagnostics.errorCount() != errorsBefore) {
            return null;
        }
        boolean perPacket = process.getAnnotationMirrors().stream().anyMatch(m -> isAnnotation(m, Names.PER_PACKET));
        boolean takesAddress = perPacket && process.getParameters().size() == 3;
        return new NodeModel(node, ClassName.get(node), name, annotations.enumConstant(graphNode, "type"), nextNames,
                siblingOf, errors, perPacket, takesAddress, process.getSimpleName().toString(),
                trace == null ? null : trace.getSimpleName().toString(),
                trace == null ? null : TypeName.get(types.erasure(trace.getReturnType())), feature);
    }

    private void checkClassShape(TypeElement node, String name) {
        if (node.getKind() != ElementKind.CLASS && node.getKind() != ElementKind.RECORD
                || node.getModifiers().contains(Modifier.ABSTRACT)) {
            diagnostics.error(node, "VectaNodeClass", "node '" + name + "' must be a concrete class",
                    "the runtime creates one instance per thread; declare a (final) class");
            return;
        }
        if (node.getModifiers().contains(Modifier.PRIVATE)
                || node.getNestingKind() == NestingKind.MEMBER && !node.getModifiers().contains(Modifier.STATIC)
                || node.getNestingKind() == NestingKind.LOCAL || node.getNestingKind() == NestingKind.ANONYMOUS) {
            diagnostics.error(node, "VectaNodeClass", "node class " + node.getSimpleName()
                    + " must be a top-level or static nested class that is not private",
                    "the generated " + node.getSimpleName() + "_Dispatch beside it creates and calls it");
            return;
        }
        List<ExecutableElement> constructors = ElementFilter.constructorsIn(node.getEnclosedElements());
        boolean usable = constructors.stream().anyMatch(
                c -> c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE));
        if (!usable) {
            diagnostics.error(node, "VectaNodeConstructor", "node class " + node.getSimpleName()
                    + " has no non-private constructor without parameters",
                    "add one: the runtime creates one instance per thread with it");
        }
    }

    private void checkFields(TypeElement node, String name) {
        for (VariableElement field : ElementFilter.fieldsIn(node.getEnclosedElements())) {
            Set<Modifier> modifiers = field.getModifiers();
            if (!modifiers.contains(Modifier.STATIC) && !modifiers.contains(Modifier.FINAL)) {
                diagnostics.error(field, "VectaNodeMutableField", "field " + field.getSimpleName() + " of node '" + name
                        + "' is not final",
                        "make it final: node state is per thread and lives in final fields (arrays, counters,"
                                + " tables) set up in the constructor");
            }
        }
    }

    private List<String> readNexts(TypeElement node, String name) {
        Map<Integer, VariableElement> byIndex = new TreeMap<>();
        Map<Integer, String> names = new HashMap<>();
        List<VariableElement> nexts = new ArrayList<>();
        for (VariableElement field : ElementFilter.fieldsIn(node.getEnclosedElements())) {
            AnnotationMirror next = annotations.find(field, Names.NEXT);
            if (next == null) {
                continue;
            }
            String nextName = annotations.string(next, "value");
            Object constant = field.getConstantValue();
            if (!field.getModifiers().containsAll(Set.of(Modifier.STATIC, Modifier.FINAL))
                    || field.asType().getKind() != TypeKind.INT || !(constant instanceof Integer)) {
                diagnostics.error(field, "VectaNextField", "@Next(\"" + nextName + "\") must mark a static final int"
                        + " constant; " + field.getSimpleName() + " is not one",
                        "declare it as: @Next(\"" + nextName + "\") static final int " + field.getSimpleName()
                                + " = <index>;");
                continue;
            }
            if (nextName.isBlank()) {
                diagnostics.error(field, "VectaNextName", "@Next on " + field.getSimpleName() + " names no node",
                        "write the next node's graph name, e.g. @Next(\"error-drop\")");
                continue;
            }
            int index = (Integer) constant;
            nexts.add(field);
            VariableElement previous = byIndex.putIfAbsent(index, field);
            if (previous != null) {
                diagnostics.error(field, "VectaNextIndex", "next index " + index + " of node '" + name
                        + "' is used by both " + previous.getSimpleName() + " and " + field.getSimpleName(),
                        "give every @Next constant its own index, 0 to n-1");
                continue;
            }
            names.put(index, nextName);
        }
        int count = nexts.size();
        List<String> ordered = new ArrayList<>();
        for (Map.Entry<Integer, VariableElement> entry : byIndex.entrySet()) {
            if (entry.getKey() < 0 || entry.getKey() >= count) {
                diagnostics.error(entry.getValue(), "VectaNextIndex", "next index " + entry.getKey() + " of "
                        + entry.getValue().getSimpleName() + " is outside 0 to " + (count - 1) + " (node '" + name
                        + "' has " + count + " @Next constants)",
                        "number the @Next constants 0, 1, ... without gaps, as VPP numbers next_nodes");
            }
            ordered.add(names.get(entry.getKey()));
        }
        return ordered;
    }

    private List<NodeModel.ErrorModel> readErrors(TypeElement node, AnnotationMirror graphNode, String name) {
        TypeMirror errorsType = (TypeMirror) annotations.value(graphNode, "errors");
        List<NodeModel.ErrorModel> errors = new ArrayList<>();
        if (errorsType.getKind() != TypeKind.DECLARED) {
            return errors;
        }
        TypeElement errorEnum = (TypeElement) ((DeclaredType) errorsType).asElement();
        for (Element constant : errorEnum.getEnclosedElements()) {
            if (constant.getKind() != ElementKind.ENUM_CONSTANT) {
                continue;
            }
            AnnotationMirror counter = annotations.find(constant, Names.ERROR_COUNTER);
            String description = counter == null ? "" : annotations.string(counter, "description");
            if (description.isBlank()) {
                diagnostics.error(constant, "VectaErrorDescription", "error " + constant.getSimpleName() + " of node '"
                        + name + "' has no description",
                        "annotate it: @ErrorCounter(description = \"what happened to the packet\") "
                                + constant.getSimpleName());
                continue;
            }
            errors.add(new NodeModel.ErrorModel(constant.getSimpleName().toString(), description,
                    annotations.enumConstant(counter, "severity")));
        }
        return errors;
    }

    private ExecutableElement findProcess(TypeElement node, String name) {
        List<ExecutableElement> found = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(node.getEnclosedElements())) {
            boolean perPacket = annotations.find(method, Names.PER_PACKET) != null;
            boolean perFrame = annotations.find(method, Names.PER_FRAME) != null;
            if (!perPacket && !perFrame) {
                continue;
            }
            found.add(method);
            if (perPacket && perFrame) {
                diagnostics.error(method, "VectaNodeDuplicateProcess", "method " + method.getSimpleName()
                        + " is marked both @PerPacket and @PerFrame",
                        "keep one: @PerPacket for int process(NodeContext, int), @PerFrame for"
                                + " void process(NodeContext, Frame)");
            } else if (perPacket) {
                if (method.getParameters().size() == 3) {
                    checkSignature(method, "@PerPacket", PER_PACKET_WITH_ADDRESS, TypeKind.INT, Names.NODE_CONTEXT,
                            "int", "long");
                } else {
                    // neither form's parameters: both forms are named
                    checkSignature(method, "@PerPacket", PER_PACKET + " or " + PER_PACKET_WITH_ADDRESS, TypeKind.INT,
                            Names.NODE_CONTEXT, "int");
                }
            } else {
                checkSignature(method, "@PerFrame", "void process(NodeContext ctx, Frame frame)", TypeKind.VOID,
                        Names.NODE_CONTEXT, Names.FRAME);
            }
        }
        if (found.isEmpty()) {
            diagnostics.error(node, "VectaNodeNoProcess", "node '" + name + "' has no @PerPacket or @PerFrame method",
                    "add @PerPacket " + PER_PACKET + " (or " + PER_PACKET_WITH_ADDRESS + ") returning a next index, or"
                            + " @PerFrame void process(NodeContext ctx, Frame frame)");
            return null;
        }
        for (int i = 1; i < found.size(); i++) {
            diagnostics.error(found.get(i), "VectaNodeDuplicateProcess", "node '" + name + "' has a second process"
                    + " method " + found.get(i).getSimpleName() + " (the first is " + found.get(0).getSimpleName()
                    + ")", "a node has exactly one @PerPacket or @PerFrame method");
        }
        return found.get(0);
    }

    private ExecutableElement findTrace(TypeElement node, String name) {
        ExecutableElement first = null;
        for (ExecutableElement method : ElementFilter.methodsIn(node.getEnclosedElements())) {
            if (annotations.find(method, Names.TRACE) == null) {
                continue;
            }
            if (first != null) {
                diagnostics.error(method, "VectaTraceDuplicate", "node '" + name + "' has a second @Trace method "
                        + method.getSimpleName() + " (the first is " + first.getSimpleName() + ")",
                        "a node has one trace record type and one @Trace method");
                continue;
            }
            first = method;
            TypeKind returns = method.getReturnType().getKind();
            if (returns != TypeKind.DECLARED && returns != TypeKind.ERROR) {
                diagnostics.error(method, "VectaNodeSignature", "@Trace method " + method.getSimpleName()
                        + " must return the node's trace record, not " + method.getReturnType(),
                        "declare it as: SomeTrace trace(NodeContext ctx, int bi, int next), where SomeTrace is a"
                                + " record with toString() or format()");
            } else {
                checkParameters(method, "@Trace", "SomeTrace trace(NodeContext ctx, int bi, int next)",
                        Names.NODE_CONTEXT, "int", "int");
            }
        }
        return first;
    }

    private void checkSignature(ExecutableElement method, String annotation, String expected, TypeKind returns,
                                String... parameters) {
        if (method.getReturnType().getKind() != returns) {
            diagnostics.error(method, "VectaNodeSignature", annotation + " method " + method.getSimpleName()
                    + " returns " + method.getReturnType() + "; expected " + expected,
                    "declare it as: " + annotation + " " + expected);
            return;
        }
        checkParameters(method, annotation, expected, parameters);
    }

    private void checkParameters(ExecutableElement method, String annotation, String expected, String... parameters) {
        boolean matches = method.getParameters().size() == parameters.length;
        for (int i = 0; matches && i < parameters.length; i++) {
            matches = types.erasure(method.getParameters().get(i).asType()).toString().equals(parameters[i]);
        }
        if (!matches) {
            diagnostics.error(method, "VectaNodeSignature", annotation + " method " + method.getSimpleName()
                    + " has parameters " + parameterList(method) + "; expected " + expected,
                    "declare it as: " + annotation + " " + expected);
            return;
        }
        if (method.getModifiers().contains(Modifier.STATIC) || method.getModifiers().contains(Modifier.PRIVATE)) {
            diagnostics.error(method, "VectaNodeSignature", annotation + " method " + method.getSimpleName()
                    + " must be an instance method that is not private",
                    "the generated dispatcher beside the class calls it on the node instance; remove static/private");
        }
    }

    private static String parameterList(ExecutableElement method) {
        List<String> types = new ArrayList<>();
        for (VariableElement parameter : method.getParameters()) {
            types.add(parameter.asType().toString());
        }
        return "(" + String.join(", ", types) + ")";
    }

    private NodeModel.FeatureModel readFeature(TypeElement node) {
        AnnotationMirror feature = annotations.find(node, Names.FEATURE);
        if (feature == null) {
            return null;
        }
        String arc = annotations.string(feature, "arc");
        if (arc.isBlank()) {
            diagnostics.error(node, "VectaFeatureArc", "@Feature of " + node.getSimpleName() + " names no arc",
                    "name the feature arc the node joins, e.g. @Feature(arc = \"ip4-unicast\")");
        }
        return new NodeModel.FeatureModel(arc, annotations.strings(feature, "runsBefore"),
                annotations.strings(feature, "runsAfter"));
    }

    private static boolean isAnnotation(AnnotationMirror mirror, String type) {
        return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(type);
    }
}
