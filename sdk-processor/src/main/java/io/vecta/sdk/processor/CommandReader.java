package io.vecta.sdk.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads one {@code @CliCommand} method into a {@link CommandModel}, reporting every problem:
 * its path and help, its shape, and whether the generated registration, in another class and
 * perhaps another package, can call it (and create its object, for an instance method).
 */
final class CommandReader {

    static final String SHAPES = "void name(CliInput in, CliOutput out) or void name(CliContext ctx, CliInput in,"
            + " CliOutput out)";

    private final Annotations annotations;
    private final Types types;
    private final Elements elements;
    private final Diagnostics diagnostics;

    CommandReader(Annotations annotations, Types types, Elements elements, Diagnostics diagnostics) {
        this.annotations = annotations;
        this.types = types;
        this.elements = elements;
        this.diagnostics = diagnostics;
    }

    /** The command's model, or null if the method has problems (all of them reported). */
    CommandModel read(ExecutableElement method) {
        int errorsBefore = diagnostics.errorCount();
        AnnotationMirror command = annotations.find(method, Names.CLI_COMMAND);
        String path = annotations.string(command, "path");
        String shortHelp = annotations.string(command, "shortHelp");
        String name = method.getSimpleName().toString();
        checkPath(method, path);
        if (shortHelp.isBlank()) {
            diagnostics.error(method, "VectaCliShortHelp", "command '" + path + "' (method " + name
                    + ") has no short help", "write one line of usage for '?' and 'help', e.g. shortHelp = \""
                    + (path.isBlank() ? "show acme" : path) + " [verbose]\"");
        }
        boolean takesContext = checkSignature(method);
        TypeElement owner = (TypeElement) method.getEnclosingElement();
        boolean isStatic = method.getModifiers().contains(Modifier.STATIC);
        if (!method.getModifiers().contains(Modifier.PUBLIC)) {
            diagnostics.error(method, "VectaCliNotPublic", "@CliCommand method " + name + " is not public",
                    "make it public: the plugin's generated registration calls it directly");
        }
        checkOwner(method, owner, isStatic);
        if (diagnostics.errorCount() != errorsBefore) {
            return null;
        }
        return new CommandModel(method, ClassName.get(owner), name, path, shortHelp,
                annotations.string(command, "longHelp"), isStatic, takesContext);
    }

    private void checkPath(ExecutableElement method, String path) {
        if (path.isBlank()) {
            diagnostics.error(method, "VectaCliEmptyPath", "@CliCommand method " + method.getSimpleName()
                    + " has an empty path",
                    "name the command by the words users type, e.g. path = \"show acme flows\"");
            return;
        }
        for (String word : path.split(" ", -1)) {
            if (!word.matches("[a-z0-9_-]+")) {
                diagnostics.error(method, "VectaCliPathWord", "command path '" + path + "' of method "
                        + method.getSimpleName() + (word.isEmpty() ? " has an empty word"
                                : " has a bad word '" + word + "'"),
                        "path words are lower-case letters, digits, '-' and '_', separated by single spaces,"
                                + " as users type them: \"show acme flows\"");
                return;
            }
        }
    }

    /** Checks the shape and says whether the method takes a context first. */
    private boolean checkSignature(ExecutableElement method) {
        List<String> parameters = method.getParameters().stream()
                .map(p -> types.erasure(p.asType()).toString()).toList();
        boolean plain = parameters.equals(List.of(Names.CLI_INPUT, Names.CLI_OUTPUT));
        boolean withContext = parameters.equals(List.of(Names.CLI_CONTEXT, Names.CLI_INPUT, Names.CLI_OUTPUT));
        if (method.getReturnType().getKind() != TypeKind.VOID || !plain && !withContext) {
            String name = method.getSimpleName().toString();
            diagnostics.error(method, "VectaCliSignature", "@CliCommand method " + name + " is "
                    + method.getReturnType() + " " + name + "(" + method.getParameters().stream()
                            .map(p -> simpleName(p.asType())).collect(Collectors.joining(", "))
                    + "); a command is " + SHAPES.replace("name", name),
                    "read arguments from CliInput, print to CliOutput, throw CliException for bad input; take"
                            + " CliContext first to reach the runtime's services");
        }
        return withContext;
    }

    private void checkOwner(ExecutableElement method, TypeElement owner, boolean isStatic) {
        for (Element type = owner; type instanceof TypeElement t; type = t.getEnclosingElement()) {
            boolean reachable = t.getModifiers().contains(Modifier.PUBLIC)
                    && (t.getNestingKind() == NestingKind.TOP_LEVEL || t.getNestingKind() == NestingKind.MEMBER);
            if (!reachable) {
                diagnostics.error(method, "VectaCliClassNotPublic", "class " + t.getSimpleName()
                        + " of @CliCommand method " + method.getSimpleName() + " is not public",
                        "make " + t.getSimpleName() + " public: the plugin's generated registration calls "
                                + method.getSimpleName() + " from another class");
                return;
            }
        }
        if (isStatic) {
            return;
        }
        String name = owner.getSimpleName().toString();
        if (owner.getKind() != ElementKind.CLASS && owner.getKind() != ElementKind.RECORD
                || owner.getModifiers().contains(Modifier.ABSTRACT)
                || owner.getNestingKind() == NestingKind.MEMBER && !owner.getModifiers().contains(Modifier.STATIC)
                && owner.getEnclosingElement().getKind().isClass()) {
            diagnostics.error(method, "VectaCliConstructor", "@CliCommand method " + method.getSimpleName()
                    + " is an instance method, but " + name + " is not a class the registration can create",
                    "make " + method.getSimpleName() + " static, or move it to a concrete public (static) class");
            return;
        }
        boolean creatable = ElementFilter.constructorsIn(owner.getEnclosedElements()).stream()
                .anyMatch(c -> c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC)
                        && c.getThrownTypes().stream().allMatch(this::isUnchecked));
        if (!creatable) {
            diagnostics.error(method, "VectaCliConstructor", "class " + name + " has no public constructor without"
                    + " parameters, needed for its instance @CliCommand method " + method.getSimpleName(),
                    "add public " + name + "() that throws no checked exception, or make the command static: the"
                            + " registration creates one " + name + " per plugin for its commands");
        }
    }

    private boolean isUnchecked(TypeMirror thrown) {
        return types.isSubtype(thrown, elements.getTypeElement(RuntimeException.class.getName()).asType())
                || types.isSubtype(thrown, elements.getTypeElement(Error.class.getName()).asType());
    }

    private String simpleName(TypeMirror type) {
        String name = types.erasure(type).toString();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
