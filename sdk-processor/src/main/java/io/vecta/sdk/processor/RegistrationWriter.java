package io.vecta.sdk.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the plugin's {@code PluginRegistration}: its identity, the SDK version it compiles
 * against, and the descriptors of its nodes, feature arcs and features. Node descriptors come
 * from each dispatcher's {@code descriptor()}, which lives beside the node class and so may
 * reach package-private nodes and trace records.
 */
final class RegistrationWriter {

    static final String SERVICE_FILE = "META-INF/services/" + Names.NODE_PACKAGE + ".PluginRegistration";

    private static final ClassName PLUGIN_REGISTRATION = ClassName.get(Names.NODE_PACKAGE, "PluginRegistration");
    private static final ClassName SDK_VERSION = ClassName.get(Names.NODE_PACKAGE, "SdkVersion");
    private static final ClassName ARC_DESCRIPTOR = ClassName.get(Names.NODE_PACKAGE, "FeatureArcDescriptor");
    private static final ClassName FEATURE_DESCRIPTOR = ClassName.get(Names.NODE_PACKAGE, "FeatureDescriptor");

    /** The registration's source. */
    JavaFile write(PluginModel plugin) {
        TypeSpec.Builder type = TypeSpec.classBuilder(plugin.registrationClass())
                .addOriginatingElement(plugin.element())
                .addAnnotation(DispatcherWriter.generated(plugin.element().toString()))
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(PLUGIN_REGISTRATION)
                .addJavadoc("Registers plugin {@code $S} for {@link java.util.ServiceLoader}.\n", plugin.name())
                .addMethod(getter("name", TypeName.get(String.class), CodeBlock.of("$S", plugin.name())))
                .addMethod(getter("version", TypeName.get(String.class), CodeBlock.of("$S", plugin.version())))
                .addMethod(getter("description", TypeName.get(String.class), CodeBlock.of("$S", plugin.description())))
                .addMethod(getter("enabledByDefault", TypeName.BOOLEAN, CodeBlock.of("$L", plugin.enabledByDefault())))
                .addMethod(getter("sdkVersion", SDK_VERSION, CodeBlock.of("new $T($L, $L, $L)", SDK_VERSION,
                        plugin.sdkVersion()[0], plugin.sdkVersion()[1], plugin.sdkVersion()[2])));
        for (NodeModel node : plugin.nodes()) {
            type.addOriginatingElement(node.element());
        }
        type.addMethod(getter("nodes", list(DispatcherWriter.NODE_DESCRIPTOR), listOf(plugin.nodes().stream()
                .map(node -> CodeBlock.of("$T.descriptor()", node.dispatcherClass())).toList())));
        type.addMethod(getter("featureArcs", list(ARC_DESCRIPTOR), listOf(plugin.arcs().stream()
                .map(arc -> CodeBlock.of("new $T($S, $L, $S)", ARC_DESCRIPTOR, arc.name(), strings(arc.startNodes()),
                        arc.lastNode())).toList())));
        type.addMethod(getter("features", list(FEATURE_DESCRIPTOR), listOf(plugin.nodes().stream()
                .filter(node -> node.feature() != null)
                .map(node -> CodeBlock.of("new $T($S, $S, $L, $L)", FEATURE_DESCRIPTOR, node.name(),
                        node.feature().arc(), strings(node.feature().runsBefore()),
                        strings(node.feature().runsAfter()))).toList())));
        return JavaFile.builder(plugin.registrationClass().packageName(), type.build())
                .indent("    ")
                .skipJavaLangImports(true)
                .build();
    }

    private static TypeName list(ClassName element) {
        return ParameterizedTypeName.get(DispatcherWriter.LIST, element);
    }

    private static CodeBlock listOf(List<CodeBlock> items) {
        if (items.isEmpty()) {
            return CodeBlock.of("$T.of()", DispatcherWriter.LIST);
        }
        return CodeBlock.of("$T.of(\n$L)", DispatcherWriter.LIST, CodeBlock.join(items, ",\n"));
    }

    private static CodeBlock strings(List<String> strings) {
        return CodeBlock.of("$T.of($L)", DispatcherWriter.LIST,
                strings.stream().map(s -> CodeBlock.of("$S", s)).collect(CodeBlock.joining(", ")));
    }

    private static MethodSpec getter(String name, TypeName returns, CodeBlock value) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(returns)
                .addStatement("return $L", value)
                .build();
    }
}
