package io.vecta.sdk.processor.api;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import io.vecta.sdk.processor.Diagnostics;
import io.vecta.sdk.processor.UnresolvedTypes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Reads {@code @ApiHandler} methods, checks them against their requests' services
 * ({@link ApiHandlerReader}) and one handler per request in a class, then writes a
 * {@code <Class>_ApiHandlers} per class ({@link ApiHandlerWriter}).
 *
 * <p>The request records usually come from {@code @ApiModule} in the same compilation, so they
 * do not exist in the first round: a class whose handlers name a type not there yet is read
 * again in the next round, and reported with {@code VectaApiHandlerUnresolvedType} if the type
 * never comes.
 */
@AutoService(Processor.class)
public final class ApiHandlerProcessor extends AbstractProcessor {

    static final String TAG_DUPLICATE = "VectaApiHandlerDuplicate";
    static final String TAG_UNRESOLVED = "VectaApiHandlerUnresolvedType";

    /** Classes waiting for types another processor generates, by qualified name. */
    private final Set<String> deferred = new LinkedHashSet<>();

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(ApiHandlerReader.API_HANDLER);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Diagnostics diagnostics = new Diagnostics(processingEnv.getMessager());
        if (round.processingOver()) {
            reportStillUnresolved(diagnostics);
            return false;
        }
        Map<String, TypeElement> classes = new LinkedHashMap<>();
        for (String name : deferred) {
            TypeElement again = processingEnv.getElementUtils().getTypeElement(name);
            if (again != null) {
                classes.put(name, again);
            }
        }
        deferred.clear();
        TypeElement annotation = processingEnv.getElementUtils().getTypeElement(ApiHandlerReader.API_HANDLER);
        if (annotation != null) {
            for (ExecutableElement method : ElementFilter.methodsIn(round.getElementsAnnotatedWith(annotation))) {
                TypeElement owner = (TypeElement) method.getEnclosingElement();
                classes.putIfAbsent(owner.getQualifiedName().toString(), owner);
            }
        }
        ApiHandlerReader reader = new ApiHandlerReader(processingEnv.getTypeUtils(), processingEnv.getElementUtils(),
                diagnostics);
        for (TypeElement owner : classes.values()) {
            if (UnresolvedTypes.in(owner)) {
                deferred.add(owner.getQualifiedName().toString());
                continue;
            }
            List<ExecutableElement> methods = handlerMethods(owner);
            if (methods.isEmpty()) {
                continue;
            }
            int before = diagnostics.errorCount();
            checkOneHandlerPerRequest(reader, owner, methods, diagnostics);
            ApiHandlerModel model = reader.read(owner, methods);
            if (model != null && diagnostics.errorCount() == before) {
                write(new ApiHandlerWriter().write(model), owner);
            }
        }
        return true;
    }

    private List<ExecutableElement> handlerMethods(TypeElement owner) {
        List<ExecutableElement> methods = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(owner.getEnclosedElements())) {
            boolean annotated = method.getAnnotationMirrors().stream().anyMatch(m ->
                    ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName()
                            .contentEquals(ApiHandlerReader.API_HANDLER));
            if (annotated) {
                methods.add(method);
            }
        }
        return methods;
    }

    /**
     * A class binds one method per request: the server registers one handler per message id.
     * Two classes may each answer a request (a test double, another implementation); giving
     * both bindings to one module is refused when the module is built.
     */
    private void checkOneHandlerPerRequest(ApiHandlerReader reader, TypeElement owner, List<ExecutableElement> methods,
                                           Diagnostics diagnostics) {
        Map<String, String> handlerOfRequest = new HashMap<>();
        for (ExecutableElement method : methods) {
            String message = reader.messageOf(method);
            if (message == null) {
                continue;
            }
            String request = method.getParameters().get(0).asType().toString();
            String here = owner.getSimpleName() + "." + method.getSimpleName();
            String first = handlerOfRequest.putIfAbsent(request, here);
            if (first != null) {
                diagnostics.error(method, TAG_DUPLICATE, "request " + message + " has two @ApiHandler methods: "
                        + first + " and " + here, "keep one: the server gives each message one handler");
            }
        }
    }

    private void reportStillUnresolved(Diagnostics diagnostics) {
        for (String name : deferred) {
            TypeElement owner = processingEnv.getElementUtils().getTypeElement(name);
            if (owner == null) {
                continue;
            }
            Element at = handlerMethods(owner).stream().<Element>map(m -> m).findFirst().orElse(owner);
            diagnostics.error(at, TAG_UNRESOLVED, "class " + name + " refers to types that no source or annotation"
                    + " processor produced, so its @ApiHandler methods were not bound",
                    "fix the missing types the compiler reports; request records come from @ApiModule on a"
                            + " package-info.java and -Avecta.api.dir");
        }
        deferred.clear();
    }

    private void write(JavaFile file, Element origin) {
        try {
            file.writeTo(processingEnv.getFiler());
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(javax.tools.Diagnostic.Kind.ERROR, "cannot write "
                    + file.packageName() + "." + file.typeSpec().name() + ": " + e.getMessage(), origin);
        }
    }
}
