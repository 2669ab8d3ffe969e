package io.vecta.sdk.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Modifier;

/**
 * Writes the plugin's {@code PluginRegistration}: its identity, the SDK version it compiles
 * against, and the descriptors of its nodes, feature arcs, features, CLI commands and binary
 * API modules. Node descriptors come from each dispatcher's {@code descriptor()}, which lives
 * beside the node class and so may reach package-private nodes and trace records.
 *
 * <p>Commands, in path order, each get a lambda that calls the author's method directly, so a
 * stack trace goes from the registration straight into it. API modules, in the order their
 * {@code @ApiModule} packages name their files, each get the generated module's name, CRC and
 * codecs and the bindings of every handler class of the plugin ({@code ApiModule.fromCodecs}
 * in the runtime keeps those of the module's own requests).
 *
 * <p>The objects of instance commands and of handler classes, one per class and one for a class
 * that has both, are created on the first call of {@code commands()} or {@code apiModules()}, not
 * when {@link java.util.ServiceLoader} creates the registration: the runtime checks the plugin's
 * SDK version before any of the plugin's own code runs.
 */
final class RegistrationWriter {

    static final String SERVICE_FILE = "META-INF/services/" + Names.NODE_PACKAGE + ".PluginRegistration";

    private static final ClassName PLUGIN_REGISTRATION = ClassName.get(Names.NODE_PACKAGE, "PluginRegistration");
    private static final ClassName SDK_VERSION = ClassName.get(Names.NODE_PACKAGE, "SdkVersion");
    private static final ClassName ARC_DESCRIPTOR = ClassName.get(Names.NODE_PACKAGE, "FeatureArcDescriptor");
    private static final ClassName FEATURE_DESCRIPTOR = ClassName.get(Names.NODE_PACKAGE, "FeatureDescriptor");
    private static final ClassName COMMAND_DESCRIPTOR = ClassName.get(Names.CLI_PACKAGE, "CommandDescriptor");
    private static final ClassName API_MODULE_DESCRIPTOR = ClassName.get("io.vecta.sdk.api", "ApiModuleDescriptor");
    private static final ClassName API_HANDLER_BINDING = ClassName.get("io.vecta.sdk.api", "ApiHandlerBinding");
    static final ClassName CONFIG_SECTION_DESCRIPTOR = ClassName.get("io.vecta.sdk.config", "ConfigSectionDescriptor");

    /** Names the generated code uses itself, which a field for a command or handler object must not take. */
    private static final Set<String> TAKEN_NAMES = Set.of("commands", "apiModules", "objectsCreated", "handlers",
            "ctx", "in", "out");

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
                .map(arc -> arc.txInterface()
                        ? CodeBlock.of("new $T($S, $L, $S, true)", ARC_DESCRIPTOR, arc.name(), strings(arc.startNodes()),
                                arc.lastNode())
                        : CodeBlock.of("new $T($S, $L, $S)", ARC_DESCRIPTOR, arc.name(), strings(arc.startNodes()),
                                arc.lastNode())).toList())));
        type.addMethod(getter("features", list(FEATURE_DESCRIPTOR), listOf(plugin.nodes().stream()
                .filter(node -> node.feature() != null)
                .map(node -> CodeBlock.of("new $T($S, $S, $L, $L)", FEATURE_DESCRIPTOR, node.name(),
                        node.feature().arc(), strings(node.feature().runsBefore()),
                        strings(node.feature().runsAfter()))).toList())));
        Map<ClassName, String> objects = objects(plugin);
        if (!objects.isEmpty()) {
            addObjects(type, objects);
        }
        if (!plugin.commands().isEmpty()) {
            for (CommandModel command : plugin.commands()) {
                type.addOriginatingElement(command.element());
            }
            type.addField(FieldSpec.builder(list(COMMAND_DESCRIPTOR), "commands", Modifier.PRIVATE)
                    .addJavadoc("Created on the first call of {@link #commands()}.\n")
                    .build());
            type.addMethod(commands(plugin.commands(), objects));
        }
        if (!plugin.apiModules().isEmpty()) {
            for (PluginModel.ApiModuleModel module : plugin.apiModules()) {
                type.addOriginatingElement(module.element());
            }
            for (PluginModel.ApiHandlerClassModel handlers : plugin.apiHandlers()) {
                type.addOriginatingElement(handlers.element());
            }
            type.addField(FieldSpec.builder(list(API_MODULE_DESCRIPTOR), "apiModules", Modifier.PRIVATE)
                    .addJavadoc("Created on the first call of {@link #apiModules()}.\n")
                    .build());
            type.addMethod(apiModules(plugin, objects));
        }
        if (!plugin.configSections().isEmpty()) {
            for (ConfigSectionReader.ConfigSectionModel section : plugin.configSections()) {
                type.addOriginatingElement(section.element());
            }
            type.addMethod(MethodSpec.methodBuilder("configSections")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(list(CONFIG_SECTION_DESCRIPTOR))
                    .addJavadoc("The plugin's startup.conf sections, each with a new handler.\n")
                    .addStatement("return $L", listOf(plugin.configSections().stream()
                            .map(section -> CodeBlock.of("new $T($S, $S, $T.KEYS, new $T())", CONFIG_SECTION_DESCRIPTOR,
                                    section.name(), section.help(), section.handlerClass(), section.handlerClass()))
                            .toList()))
                    .build());
        }
        return JavaFile.builder(plugin.registrationClass().packageName(), type.build())
                .indent("    ")
                .skipJavaLangImports(true)
                .build();
    }

    /**
     * The classes the registration creates one object of, each with its field's name: those of
     * instance commands in path order, then the handler classes not among them.
     */
    private static Map<ClassName, String> objects(PluginModel plugin) {
        Map<ClassName, String> objects = new LinkedHashMap<>();
        Set<String> used = new HashSet<>(TAKEN_NAMES);
        plugin.commands().stream().sorted(Comparator.comparing(CommandModel::path))
                .filter(command -> !command.isStatic())
                .forEach(command -> objects.computeIfAbsent(command.ownerClass(), owner -> fieldName(owner, used)));
        if (!plugin.apiModules().isEmpty()) {
            for (PluginModel.ApiHandlerClassModel handlers : plugin.apiHandlers()) {
                objects.computeIfAbsent(handlers.ownerClass(), owner -> fieldName(owner, used));
            }
        }
        return objects;
    }

    /** A field per object and {@code createObjects()}, which the first user of the objects calls. */
    private static void addObjects(TypeSpec.Builder type, Map<ClassName, String> objects) {
        type.addField(FieldSpec.builder(TypeName.BOOLEAN, "objectsCreated", Modifier.PRIVATE)
                .addJavadoc("Whether the command and handler objects below exist; one object per class, shared.\n")
                .build());
        CodeBlock.Builder create = CodeBlock.builder();
        for (Map.Entry<ClassName, String> object : objects.entrySet()) {
            type.addField(object.getKey(), object.getValue(), Modifier.PRIVATE);
            create.addStatement("$N = new $T()", object.getValue(), object.getKey());
        }
        type.addMethod(MethodSpec.methodBuilder("createObjects")
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc("Creates the objects on first use, after the runtime has checked the SDK version.\n")
                .beginControlFlow("if (!objectsCreated)")
                .addCode(create.build())
                .addStatement("objectsCreated = true")
                .endControlFlow()
                .build());
    }

    private static MethodSpec commands(List<CommandModel> unsorted, Map<ClassName, String> objects) {
        List<CommandModel> commands = unsorted.stream().sorted(Comparator.comparing(CommandModel::path)).toList();
        List<CodeBlock> descriptors = new ArrayList<>();
        for (CommandModel command : commands) {
            CodeBlock target = command.isStatic() ? CodeBlock.of("$T", command.ownerClass())
                    : CodeBlock.of("$N", objects.get(command.ownerClass()));
            CodeBlock call = CodeBlock.of(command.takesContext() ? "$L.$N(ctx, in, out)" : "$L.$N(in, out)", target,
                    command.methodName());
            descriptors.add(CodeBlock.of("new $T($S, $S,\n$>$>$S,\n(ctx, in, out) -> $L)$<$<", COMMAND_DESCRIPTOR,
                    command.path(), command.shortHelp(), command.longHelp(), call));
        }
        MethodSpec.Builder method = MethodSpec.methodBuilder("commands")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC, Modifier.SYNCHRONIZED)
                .returns(list(COMMAND_DESCRIPTOR))
                .beginControlFlow("if (commands == null)");
        if (commands.stream().anyMatch(command -> !command.isStatic())) {
            method.addStatement("createObjects()");
        }
        return method.addStatement("commands = $L", listOf(descriptors))
                .endControlFlow()
                .addStatement("return commands")
                .build();
    }

    private static MethodSpec apiModules(PluginModel plugin, Map<ClassName, String> objects) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("apiModules")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC, Modifier.SYNCHRONIZED)
                .returns(list(API_MODULE_DESCRIPTOR))
                .addJavadoc("The plugin's {@code .api} modules, each offered the bindings of every handler object.\n")
                .beginControlFlow("if (apiModules == null)");
        if (plugin.apiHandlers().isEmpty()) {
            method.addStatement("$T handlers = $T.of()", list(API_HANDLER_BINDING), DispatcherWriter.LIST);
        } else {
            method.addStatement("createObjects()")
                    .addStatement("$T handlers = new $T<>()", list(API_HANDLER_BINDING), ArrayList.class);
            for (PluginModel.ApiHandlerClassModel handlers : plugin.apiHandlers()) {
                method.addStatement("handlers.addAll($T.bind($N))", handlers.bindingClass(),
                        objects.get(handlers.ownerClass()));
            }
        }
        return method.addStatement("apiModules = $L", listOf(plugin.apiModules().stream()
                        .map(module -> CodeBlock.of("new $T($T.NAME, $T.FILE_CRC, $T.MESSAGES, handlers)",
                                API_MODULE_DESCRIPTOR, module.moduleClass(), module.moduleClass(),
                                module.moduleClass()))
                        .toList()))
                .endControlFlow()
                .addStatement("return apiModules")
                .build();
    }

    /** {@code flowCommands} for {@code com.acme.FlowCommands}, made unique among {@code used}. */
    private static String fieldName(ClassName owner, Set<String> used) {
        String simple = owner.simpleName();
        String base = Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
        String name = base;
        for (int n = 2; used.contains(name) || SourceVersion.isKeyword(name); n++) {
            name = base + n;
        }
        used.add(name);
        return name;
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
