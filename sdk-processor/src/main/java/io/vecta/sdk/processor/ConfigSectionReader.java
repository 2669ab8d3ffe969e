package io.vecta.sdk.processor;

import com.palantir.javapoet.ClassName;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads one {@code @ConfigSection} class, reporting every reason the generated registration
 * could not create it and hand it its section: its name and help, its type, its constructor
 * and its {@code KEYS}.
 */
final class ConfigSectionReader {

    private final Annotations annotations;
    private final Types types;
    private final Elements elements;
    private final Diagnostics diagnostics;

    ConfigSectionReader(Annotations annotations, Types types, Elements elements, Diagnostics diagnostics) {
        this.annotations = annotations;
        this.types = types;
        this.elements = elements;
        this.diagnostics = diagnostics;
    }

    /** A section handler the registration lists. */
    record ConfigSectionModel(TypeElement element, String name, String help, ClassName handlerClass) {
    }

    /** The section's model, or null if the class has problems (all of them reported). */
    ConfigSectionModel read(TypeElement type) {
        int errorsBefore = diagnostics.errorCount();
        AnnotationMirror section = annotations.find(type, Names.CONFIG_SECTION);
        String name = annotations.string(section, "name");
        String help = annotations.string(section, "help");
        String simple = type.getSimpleName().toString();
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            diagnostics.error(type, "VectaConfigSectionName", "@ConfigSection on " + simple + " has name '" + name
                    + "', which is not one word", "name it as it appears in startup.conf, e.g. name = \"acme\"");
        }
        if (help.isBlank()) {
            diagnostics.error(type, "VectaConfigSectionHelp", "@ConfigSection '" + name + "' has no help",
                    "say in one line what the section configures, e.g. help = \"flow table of the acme plugin\"");
        }
        boolean reachable = type.getModifiers().contains(Modifier.PUBLIC)
                && (type.getNestingKind() == NestingKind.TOP_LEVEL || type.getModifiers().contains(Modifier.STATIC));
        if (!reachable || type.getModifiers().contains(Modifier.ABSTRACT)) {
            diagnostics.error(type, "VectaConfigSectionClass", "@ConfigSection class " + simple
                    + " is not a public concrete top-level or static class",
                    "the generated registration creates it: make it public, not abstract, and static if nested");
        }
        TypeElement handler = elements.getTypeElement(Names.CONFIG_SECTION_HANDLER);
        if (handler == null || !types.isAssignable(type.asType(), types.erasure(handler.asType()))) {
            diagnostics.error(type, "VectaConfigSectionHandler", "@ConfigSection class " + simple
                    + " does not implement ConfigSectionHandler",
                    "implement io.vecta.sdk.config.ConfigSectionHandler: configure(ConfigBlock) receives the section");
        }
        boolean noArgConstructor = ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .anyMatch(c -> c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC));
        // a class that is not public already has its error; its implicit constructor is not public either
        if (reachable && !noArgConstructor) {
            diagnostics.error(type, "VectaConfigSectionConstructor", "@ConfigSection class " + simple
                    + " has no public no-argument constructor", "add one: the registration creates the handler");
        }
        if (!hasKeys(type)) {
            diagnostics.error(type, "VectaConfigSectionKeys", "@ConfigSection class " + simple
                    + " declares no public static final ConfigKeys KEYS",
                    "declare the keys the section accepts, e.g. public static final ConfigKeys KEYS ="
                            + " ConfigKeys.builder().value(\"flows\", \"N\").build();");
        }
        return diagnostics.errorCount() > errorsBefore ? null
                : new ConfigSectionModel(type, name, help, ClassName.get(type));
    }

    private boolean hasKeys(TypeElement type) {
        TypeElement keys = elements.getTypeElement(Names.CONFIG_KEYS);
        for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
            if (field.getSimpleName().contentEquals("KEYS")
                    && field.getModifiers().containsAll(Set.of(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL))
                    && keys != null && types.isSameType(field.asType(), keys.asType())) {
                return true;
            }
        }
        return false;
    }
}
