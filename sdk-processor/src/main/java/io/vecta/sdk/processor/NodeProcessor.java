package io.vecta.sdk.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import io.vecta.sdk.processor.api.ApiJavaWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Reads {@code @GraphNode}, {@code @Feature}, {@code @FeatureArc}, {@code @CliCommand},
 * {@code @ConfigSection} and {@code @Plugin}, checks them all, and only then writes each node's
 * dispatcher and the plugin's registration.
 *
 * <p>A node class that refers to a type not there yet (one another processor generates, such as
 * a trace record) is read again in the next round, and the registration waits for it: it is
 * written in the first round after {@code @Plugin} in which no node waits, and lists everything
 * found up to then. A node whose types never come is reported with {@code VectaUnresolvedType}.
 * Nodes and commands that other processors generate after the registration is written are not
 * listed.
 *
 * <p>The binary API of the plugin is what lies in the {@code @Plugin}'s package or below it:
 * each {@code .api} file of an {@code @ApiModule} package there becomes one module of the
 * registration, served by the {@code @ApiHandler} classes there (the processors in
 * {@code io.vecta.sdk.processor.api} generate their records and bindings; this one only reads
 * where they are). Modules and handlers outside the tree, such as the runtime's own, are left
 * to whoever registers them by hand.
 */
@AutoService(Processor.class)
public final class NodeProcessor extends AbstractProcessor {

    private final Map<String, List<TypeElement>> declaredNodes = new LinkedHashMap<>();
    private final List<NodeModel> nodes = new ArrayList<>();
    /** Nodes whose types are not all there yet (another processor makes them), retried next round. */
    private final List<String> deferredNodes = new ArrayList<>();
    private PluginModel pendingPlugin;
    private final List<PluginModel.ArcModel> arcs = new ArrayList<>();
    private final List<CommandModel> commands = new ArrayList<>();
    private final Map<String, CommandModel> commandsByPath = new LinkedHashMap<>();
    private final Map<String, ConfigSectionReader.ConfigSectionModel> configSections = new LinkedHashMap<>();
    private final List<PluginModel.ApiModuleModel> apiModules = new ArrayList<>();
    private final Map<String, PluginModel.ApiHandlerClassModel> apiHandlers = new LinkedHashMap<>();
    private Element pluginElement;
    private boolean registrationWritten;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(Names.GRAPH_NODE, Names.FEATURE, Names.FEATURE_ARC, Names.FEATURE_ARCS, Names.PLUGIN,
                Names.NEXT, Names.PER_PACKET, Names.PER_FRAME, Names.TRACE, Names.ERROR_COUNTER, Names.CLI_COMMAND, Names.CONFIG_SECTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotationTypes, RoundEnvironment round) {
        if (round.processingOver()) {
            checkCommandsHavePlugin();
            reportNodesStillUnresolved();
            return false;
        }
        Diagnostics diagnostics = new Diagnostics(processingEnv.getMessager());
        Annotations annotations = new Annotations(processingEnv.getElementUtils());
        NodeReader reader = new NodeReader(annotations, processingEnv.getTypeUtils(), diagnostics);

        List<NodeModel> roundNodes = new ArrayList<>();
        List<TypeElement> candidates = new ArrayList<>();
        for (String name : deferredNodes) {
            TypeElement again = processingEnv.getElementUtils().getTypeElement(name);
            if (again != null) {
                candidates.add(again);
            }
        }
        deferredNodes.clear();
        candidates.addAll(ElementFilter.typesIn(round.getElementsAnnotatedWith(
                processingEnv.getElementUtils().getTypeElement(Names.GRAPH_NODE))));
        for (TypeElement node : candidates) {
            if (UnresolvedTypes.in(node)) {
                deferredNodes.add(node.getQualifiedName().toString());
                continue;
            }
            String name = annotations.string(annotations.find(node, Names.GRAPH_NODE), "name");
            declaredNodes.computeIfAbsent(name, n -> new ArrayList<>()).add(node);
            NodeModel model = reader.read(node);
            if (model != null) {
                roundNodes.add(model);
            }
        }
        checkStrayAnnotations(round, annotations, diagnostics);
        readArcs(round, annotations, diagnostics);
        readCommands(round, annotations, diagnostics);
        readConfigSections(round, annotations, diagnostics);
        readApi(round, annotations);
        nodes.addAll(roundNodes);
        PluginModel plugin = readPlugin(round, annotations, diagnostics);
        if (!roundNodes.isEmpty() || plugin != null) {
            new GraphChecks(annotations, diagnostics).check(declaredNodes, nodes);
        }
        if (diagnostics.errorCount() > 0) {
            return true;
        }
        DispatcherWriter dispatchers = new DispatcherWriter();
        for (NodeModel node : roundNodes) {
            writeSource(dispatchers.write(node), node.element());
        }
        if (plugin != null) {
            pendingPlugin = plugin;
        }
        // A node waiting for a type another processor generates belongs in the registration:
        // it is written once no node waits any more.
        if (pendingPlugin != null && deferredNodes.isEmpty()) {
            pendingPlugin = pendingPlugin.withApi(apiModules, List.copyOf(apiHandlers.values()));
            if (!checkApiHandlersCreatable(pendingPlugin, diagnostics)) {
                pendingPlugin = null;
                return true;
            }
            writeSource(new RegistrationWriter().write(pendingPlugin), pendingPlugin.element());
            writeServiceEntry(pendingPlugin);
            pendingPlugin = null;
        }
        // The Vecta annotations are this processor's alone.
        return true;
    }

    /**
     * Nodes that still refer to types no round produced: the compiler reports the missing
     * types themselves; this says which node waited for them and why it has no dispatcher.
     */
    private void reportNodesStillUnresolved() {
        Diagnostics diagnostics = new Diagnostics(processingEnv.getMessager());
        for (String name : deferredNodes) {
            TypeElement node = processingEnv.getElementUtils().getTypeElement(name);
            diagnostics.error(node, "VectaUnresolvedType", "node class " + name + " refers to types that no source"
                    + " or annotation processor produced, so neither its dispatcher nor the plugin's registration"
                    + " was written", "fix the missing types the compiler reports, or the processor that should"
                    + " generate them");
        }
    }

    /** Members that only mean something inside a {@code @GraphNode} class, found elsewhere. */
    private void checkStrayAnnotations(RoundEnvironment round, Annotations annotations, Diagnostics diagnostics) {
        for (String member : List.of(Names.PER_PACKET, Names.PER_FRAME, Names.TRACE, Names.NEXT, Names.FEATURE)) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(member);
            for (Element element : round.getElementsAnnotatedWith(type)) {
                Element owner = element.getKind().isClass() ? element : element.getEnclosingElement();
                if (annotations.find(owner, Names.GRAPH_NODE) == null) {
                    String simple = member.substring(member.lastIndexOf('.') + 1);
                    diagnostics.error(element, "VectaNotInNode", "@" + simple + " on " + element.getSimpleName()
                            + " has no effect outside a @GraphNode class",
                            "annotate " + owner.getSimpleName() + " with @GraphNode(name = \"...\"), or remove @"
                                    + simple);
                }
            }
        }
    }

    private void readArcs(RoundEnvironment round, Annotations annotations, Diagnostics diagnostics) {
        for (String type : List.of(Names.FEATURE_ARC, Names.FEATURE_ARCS)) {
            for (Element element : round.getElementsAnnotatedWith(processingEnv.getElementUtils().getTypeElement(type))) {
                if (type.equals(Names.FEATURE_ARCS) && annotations.find(element, Names.FEATURE_ARC) != null) {
                    continue;
                }
                for (AnnotationMirror arc : annotations.findRepeated(element, Names.FEATURE_ARC, Names.FEATURE_ARCS)) {
                    String name = annotations.string(arc, "name");
                    List<String> starts = annotations.strings(arc, "startNodes");
                    if (name.isBlank() || starts.isEmpty() || annotations.string(arc, "lastNode").isBlank()) {
                        diagnostics.error(element, "VectaFeatureArc", "@FeatureArc '" + name
                                + "' needs a name, at least one start node and a last node",
                                "e.g. @FeatureArc(name = \"ip4-unicast\", startNodes = \"ip4-input\","
                                        + " lastNode = \"ip4-lookup\")");
                        continue;
                    }
                    if (arcs.stream().anyMatch(a -> a.name().equals(name))) {
                        diagnostics.error(element, "VectaFeatureArc", "feature arc '" + name + "' is declared twice",
                                "declare each arc once");
                        continue;
                    }
                    arcs.add(new PluginModel.ArcModel(element, name, starts, annotations.string(arc, "lastNode"),
                            (Boolean) annotations.value(arc, "txInterface")));
                }
            }
        }
    }

    private void readCommands(RoundEnvironment round, Annotations annotations, Diagnostics diagnostics) {
        CommandReader reader = new CommandReader(annotations, processingEnv.getTypeUtils(),
                processingEnv.getElementUtils(), diagnostics);
        for (ExecutableElement method : ElementFilter.methodsIn(round.getElementsAnnotatedWith(
                processingEnv.getElementUtils().getTypeElement(Names.CLI_COMMAND)))) {
            CommandModel command = reader.read(method);
            if (command == null) {
                continue;
            }
            CommandModel first = commandsByPath.putIfAbsent(command.path(), command);
            if (first != null) {
                diagnostics.error(method, "VectaCliDuplicatePath", "command path '" + command.path()
                        + "' is declared by both " + describe(first) + " and " + describe(command),
                        "command paths are unique in the runtime; rename one");
                continue;
            }
            commands.add(command);
        }
    }

    private void readConfigSections(RoundEnvironment round, Annotations annotations, Diagnostics diagnostics) {
        ConfigSectionReader reader = new ConfigSectionReader(annotations, processingEnv.getTypeUtils(),
                processingEnv.getElementUtils(), diagnostics);
        for (TypeElement type : ElementFilter.typesIn(round.getElementsAnnotatedWith(
                processingEnv.getElementUtils().getTypeElement(Names.CONFIG_SECTION)))) {
            ConfigSectionReader.ConfigSectionModel section = reader.read(type);
            if (section == null) {
                continue;
            }
            ConfigSectionReader.ConfigSectionModel first = configSections.putIfAbsent(section.name(), section);
            if (first != null) {
                diagnostics.error(type, "VectaConfigSectionDuplicate", "config section '" + section.name()
                        + "' is declared by both " + first.handlerClass().canonicalName() + " and "
                        + section.handlerClass().canonicalName(), "one class handles each section; merge them");
            }
        }
    }

    /**
     * The {@code @ApiModule} files and the classes with {@code @ApiHandler} methods of this round;
     * which of them belong to the plugin is decided by package when the registration is written.
     * The annotations are read, not claimed: their own processors generate the code.
     */
    private void readApi(RoundEnvironment round, Annotations annotations) {
        TypeElement moduleAnnotation = processingEnv.getElementUtils().getTypeElement(Names.API_MODULE);
        if (moduleAnnotation != null) {
            for (PackageElement pkg : ElementFilter.packagesIn(round.getElementsAnnotatedWith(moduleAnnotation))) {
                String packageName = pkg.getQualifiedName().toString();
                for (String file : annotations.strings(annotations.find(pkg, Names.API_MODULE), "value")) {
                    apiModules.add(new PluginModel.ApiModuleModel(pkg, packageName, file,
                            ApiJavaWriter.moduleClass(packageName, file)));
                }
            }
        }
        TypeElement handlerAnnotation = processingEnv.getElementUtils().getTypeElement(Names.API_HANDLER);
        if (handlerAnnotation != null) {
            for (ExecutableElement method
                    : ElementFilter.methodsIn(round.getElementsAnnotatedWith(handlerAnnotation))) {
                TypeElement owner = (TypeElement) method.getEnclosingElement();
                ClassName ownerClass = ClassName.get(owner);
                apiHandlers.computeIfAbsent(ownerClass.canonicalName(), name -> new PluginModel.ApiHandlerClassModel(
                        owner, ownerClass, ClassName.get(ownerClass.packageName(),
                        String.join("_", ownerClass.simpleNames()) + "_ApiHandlers")));
            }
        }
    }

    /**
     * The registration creates one object per handler class, as for instance CLI commands: each
     * class of the plugin's tree must be a concrete, public class with a public constructor
     * without parameters.
     */
    private boolean checkApiHandlersCreatable(PluginModel plugin, Diagnostics diagnostics) {
        boolean ok = true;
        if (plugin.apiModules().isEmpty()) {
            return true;
        }
        for (PluginModel.ApiHandlerClassModel handlers : plugin.apiHandlers()) {
            TypeElement owner = (TypeElement) handlers.element();
            String name = handlers.ownerClass().canonicalName();
            boolean concrete = (owner.getKind() == ElementKind.CLASS || owner.getKind() == ElementKind.RECORD)
                    && !owner.getModifiers().contains(Modifier.ABSTRACT)
                    && (owner.getNestingKind() == NestingKind.TOP_LEVEL
                    || owner.getModifiers().contains(Modifier.STATIC));
            boolean creatable = concrete && owner.getModifiers().contains(Modifier.PUBLIC)
                    && ElementFilter.constructorsIn(owner.getEnclosedElements()).stream()
                    .anyMatch(c -> c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC)
                            && c.getThrownTypes().isEmpty());
            if (!creatable) {
                diagnostics.error(owner, "VectaApiHandlerConstructor", "class " + name + " has @ApiHandler methods in"
                        + " plugin '" + plugin.name() + "', but the plugin's registration cannot create it: it needs"
                        + " a concrete public (static) class with a public constructor without parameters",
                        "add public " + owner.getSimpleName() + "() that throws nothing: the registration creates one "
                                + owner.getSimpleName() + " per plugin for its handlers (and its CLI commands)");
                ok = false;
            }
        }
        return ok;
    }

    private static String describe(CommandModel command) {
        return command.ownerClass().canonicalName() + "." + command.methodName();
    }

    /**
     * Commands with no registration to list them would never reach the runtime. Checked in the
     * last round, when no {@code @Plugin} can come any more; elements of earlier rounds are
     * looked up again, so that the error points at the method's line.
     */
    private void checkCommandsHavePlugin() {
        if (pluginElement == null && !commands.isEmpty()) {
            CommandModel first = commands.get(0);
            TypeElement owner = processingEnv.getElementUtils().getTypeElement(first.ownerClass().canonicalName());
            Element method = owner == null ? null : ElementFilter.methodsIn(owner.getEnclosedElements()).stream()
                    .filter(m -> m.getSimpleName().contentEquals(first.methodName())).findFirst().orElse(null);
            new Diagnostics(processingEnv.getMessager()).error(method == null ? first.element() : method,
                    "VectaCliNoPlugin",
                    "command '" + first.path() + "' (" + describe(first) + ") belongs to no plugin: the compilation"
                            + " has no @Plugin", "declare the plugin once, e.g. @Plugin(name = \"acme\","
                            + " version = \"1.0.0\") on the package-info.java of its main package");
        }
    }

    private PluginModel readPlugin(RoundEnvironment round, Annotations annotations, Diagnostics diagnostics) {
        PluginModel model = null;
        for (Element element : round.getElementsAnnotatedWith(
                processingEnv.getElementUtils().getTypeElement(Names.PLUGIN))) {
            if (pluginElement != null) {
                diagnostics.error(element, "VectaDuplicatePlugin", "a second @Plugin in one compilation (the first is on "
                        + pluginElement + ")", "one compilation builds one plugin: keep a single @Plugin");
                continue;
            }
            pluginElement = element;
            AnnotationMirror plugin = annotations.find(element, Names.PLUGIN);
            String name = annotations.string(plugin, "name");
            String version = annotations.string(plugin, "version");
            if (name.isBlank() || version.isBlank()) {
                diagnostics.error(element, "VectaPlugin", "@Plugin needs a name and a version",
                        "e.g. @Plugin(name = \"acme-acl\", version = \"1.0.0\")");
                continue;
            }
            int[] sdkVersion = sdkVersion();
            if (sdkVersion == null) {
                diagnostics.error(element, "VectaPlugin", "io.vecta.sdk.node.SdkVersion is not on the class path",
                        "add the io.vecta:sdk-api dependency to the plugin");
                continue;
            }
            String packageName = element instanceof PackageElement p ? p.getQualifiedName().toString()
                    : processingEnv.getElementUtils().getPackageOf(element).getQualifiedName().toString();
            String simpleName = element.getKind() == ElementKind.PACKAGE ? "Plugin"
                    : String.join("_", ClassName.get((TypeElement) element).simpleNames());
            model = new PluginModel(element, ClassName.get(packageName, simpleName + "_Registration"), name, version,
                    annotations.string(plugin, "description"), (Boolean) annotations.value(plugin, "enabledByDefault"),
                    sdkVersion, nodes, arcs, commands, List.copyOf(configSections.values()), List.of(), List.of());
        }
        return model;
    }

    /** Major, minor and patch of the sdk-api the plugin compiles against, read from its constants. */
    private int[] sdkVersion() {
        TypeElement version = processingEnv.getElementUtils().getTypeElement(Names.SDK_VERSION);
        if (version == null) {
            return null;
        }
        int[] parts = new int[3];
        List<String> names = List.of("MAJOR", "MINOR", "PATCH");
        for (VariableElement field : ElementFilter.fieldsIn(version.getEnclosedElements())) {
            int at = names.indexOf(field.getSimpleName().toString());
            if (at >= 0 && field.getConstantValue() instanceof Integer value) {
                parts[at] = value;
            }
        }
        return parts;
    }

    private void writeSource(JavaFile file, Element origin) {
        try {
            file.writeTo(processingEnv.getFiler());
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "cannot write "
                    + file.packageName() + "." + file.typeSpec().name() + ": " + e.getMessage(), origin);
        }
    }

    private void writeServiceEntry(PluginModel plugin) {
        if (registrationWritten) {
            return;
        }
        registrationWritten = true;
        Filer filer = processingEnv.getFiler();
        try {
            FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", RegistrationWriter.SERVICE_FILE,
                    plugin.element());
            try (Writer writer = file.openWriter()) {
                writer.write(plugin.registrationClass().canonicalName() + "\n");
            }
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "cannot write "
                    + RegistrationWriter.SERVICE_FILE + ": " + e.getMessage(), plugin.element());
        }
    }
}
