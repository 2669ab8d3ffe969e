package io.vecta.sdk.processor.api;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.vecta.sdk.processor.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads the {@code @ApiHandler} methods of one class into an {@link ApiHandlerModel}, checking
 * each against the service of the request it takes, as the request's generated record states it
 * ({@code NAME}, {@code REPLY}, {@code DETAILS}), and reporting every problem it finds.
 */
final class ApiHandlerReader {

    static final String API_HANDLER = "io.vecta.sdk.annotation.ApiHandler";
    static final String API_MESSAGE = "io.vecta.sdk.api.ApiMessage";
    static final String API_REPLIES = "io.vecta.sdk.api.ApiReplies";
    static final String API_CONTEXT = "io.vecta.sdk.api.ApiContext";

    static final String TAG_CLASS = "VectaApiHandlerClass";
    static final String TAG_METHOD = "VectaApiHandlerMethod";
    static final String TAG_PARAMETERS = "VectaApiHandlerParameters";
    static final String TAG_REQUEST = "VectaApiHandlerRequest";
    static final String TAG_RETURN = "VectaApiHandlerReturn";
    static final String TAG_SDK = "VectaApiHandlerSdk";

    /** The generated record of a request and the answer its service gives. */
    record Request(TypeElement type, String name, String reply, String details) {

        String simpleName() {
            return type.getSimpleName().toString();
        }
    }

    private final Types types;
    private final Elements elements;
    private final Diagnostics diagnostics;

    ApiHandlerReader(Types types, Elements elements, Diagnostics diagnostics) {
        this.types = types;
        this.elements = elements;
        this.diagnostics = diagnostics;
    }

    /** The class's handlers, or null when any has a problem (all of them reported). */
    ApiHandlerModel read(TypeElement owner, List<ExecutableElement> methods) {
        int before = diagnostics.errorCount();
        if (elements.getTypeElement(API_MESSAGE) == null || elements.getTypeElement(API_REPLIES) == null) {
            diagnostics.error(methods.get(0), TAG_SDK, "@ApiHandler methods of " + owner.getSimpleName()
                    + " need io.vecta.sdk.api on the class path, which the generated handlers run on",
                    "add the io.vecta:sdk-api dependency");
            return null;
        }
        if (!checkOwner(owner, methods.get(0))) {
            return null;
        }
        List<ApiHandlerModel.Method> read = new ArrayList<>();
        for (ExecutableElement method : methods) {
            ApiHandlerModel.Method one = readMethod(owner, method);
            if (one != null) {
                read.add(one);
            }
        }
        if (diagnostics.errorCount() != before) {
            return null;
        }
        ClassName ownerClass = ClassName.get(owner);
        ClassName binding = ClassName.get(ownerClass.packageName(),
                String.join("_", ownerClass.simpleNames()) + "_ApiHandlers");
        return new ApiHandlerModel(owner, ownerClass, binding, read);
    }

    /** The message name of the request {@code method} takes, if it takes a generated record; else null. */
    String messageOf(ExecutableElement method) {
        List<? extends VariableElement> parameters = withoutContext(method);
        if (parameters.isEmpty() || !(parameters.get(0).asType() instanceof DeclaredType declared)) {
            return null;
        }
        return constant((TypeElement) declared.asElement(), ApiJavaWriter.NAME);
    }

    /** The generated class calls the methods on an instance it is given: it must be able to name the class. */
    private boolean checkOwner(TypeElement owner, ExecutableElement first) {
        for (Element type = owner; type instanceof TypeElement t; type = t.getEnclosingElement()) {
            if (t.getNestingKind() != NestingKind.TOP_LEVEL && t.getNestingKind() != NestingKind.MEMBER) {
                diagnostics.error(first, TAG_CLASS, "@ApiHandler methods are in " + describe(t)
                        + ", a local or anonymous class, which generated code cannot name",
                        "move the handlers to a top-level or member class");
                return false;
            }
            if (t.getModifiers().contains(Modifier.PRIVATE)) {
                diagnostics.error(first, TAG_CLASS, "class " + t.getSimpleName() + " of the @ApiHandler methods is"
                        + " private; the generated " + bindingName(owner) + " beside it cannot name it",
                        "make " + t.getSimpleName() + " package-private or public");
                return false;
            }
            if (!t.getTypeParameters().isEmpty()) {
                diagnostics.error(first, TAG_CLASS, "class " + t.getSimpleName() + " of the @ApiHandler methods is"
                        + " generic; the generated " + bindingName(owner) + " binds one plain class",
                        "move the handlers to a class without type parameters");
                return false;
            }
            if (t.getModifiers().contains(Modifier.STATIC) || t.getNestingKind() == NestingKind.TOP_LEVEL) {
                return true;
            }
        }
        return true;
    }

    private ApiHandlerModel.Method readMethod(TypeElement owner, ExecutableElement method) {
        int before = diagnostics.errorCount();
        String where = owner.getSimpleName() + "." + method.getSimpleName();
        checkModifiers(owner, method, where);
        List<? extends VariableElement> parameters = withoutContext(method);
        boolean takesContext = parameters.size() < method.getParameters().size();
        if (parameters.isEmpty() || parameters.size() > 2) {
            diagnostics.error(method, TAG_PARAMETERS, "@ApiHandler method " + where + " takes "
                    + method.getParameters().size() + " parameters; a handler takes the request's generated record,"
                    + " and may take ApiContext before it and ApiReplies after it", "write e.g. ShowVersionReply"
                    + " showVersion(ShowVersion request), or void xGet(XGet request, ApiReplies replies) to send"
                    + " details and the reply yourself");
            return null;
        }
        boolean takesReplies = parameters.size() == 2;
        if (takesReplies && !isType(parameters.get(1).asType(), API_REPLIES)) {
            diagnostics.error(method, TAG_PARAMETERS, "@ApiHandler method " + where + " takes "
                    + simpleName(parameters.get(1).asType()) + " second; the only second parameter is ApiReplies",
                    "take (" + simpleName(parameters.get(0).asType())
                            + " request, io.vecta.sdk.api.ApiReplies replies) and send the answers through it");
        }
        Request request = request(method, parameters.get(0).asType(), where);
        if (request == null || diagnostics.errorCount() != before) {
            return null;
        }
        AnnotationMirror annotation = method.getAnnotationMirrors().stream()
                .filter(m -> ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName()
                        .contentEquals(API_HANDLER))
                .findFirst().orElseThrow();
        boolean mpSafe = false;
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : elements.getElementValuesWithDefaults(annotation).entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals("mpSafe")) {
                mpSafe = (Boolean) entry.getValue().getValue();
            }
        }
        ApiHandlerModel.Method read = answer(method, request, takesReplies, where, mpSafe);
        return read == null ? null : read.withContext(takesContext);
    }

    /** The method's parameters after an {@code ApiContext} it takes first, if it does. */
    private List<? extends VariableElement> withoutContext(ExecutableElement method) {
        List<? extends VariableElement> parameters = method.getParameters();
        return !parameters.isEmpty() && isType(parameters.get(0).asType(), API_CONTEXT)
                ? parameters.subList(1, parameters.size()) : parameters;
    }

    private void checkModifiers(TypeElement owner, ExecutableElement method, String where) {
        if (method.getModifiers().contains(Modifier.STATIC)) {
            diagnostics.error(method, TAG_METHOD, "@ApiHandler method " + where + " is static; a handler is an"
                    + " instance method, called on the object given to " + bindingName(owner) + ".bind",
                    "remove static: the object's fields hold what the handler needs");
        }
        if (method.getModifiers().contains(Modifier.PRIVATE)) {
            diagnostics.error(method, TAG_METHOD, "@ApiHandler method " + where + " is private; the generated "
                    + bindingName(owner) + " calls it", "make it package-private or public");
        }
        if (!method.getTypeParameters().isEmpty()) {
            diagnostics.error(method, TAG_METHOD, "@ApiHandler method " + where + " has type parameters; a handler"
                    + " answers one request with one type", "remove the type parameters");
        }
        List<String> checked = method.getThrownTypes().stream().filter(t -> !isUnchecked(t))
                .map(this::simpleName).toList();
        if (!checked.isEmpty()) {
            diagnostics.error(method, TAG_METHOD, "@ApiHandler method " + where + " declares checked "
                    + String.join(", ", checked) + "; the server counts and logs what a handler throws, and"
                    + " answers nothing", "catch it and answer with a retval, or throw an unchecked exception");
        }
    }

    private Request request(ExecutableElement method, TypeMirror type, String where) {
        if (!(type instanceof DeclaredType declared)
                || !types.isAssignable(type, elements.getTypeElement(API_MESSAGE).asType())) {
            diagnostics.error(method, TAG_REQUEST, "@ApiHandler method " + where + " takes " + simpleName(type)
                    + ", which is not a message; a handler takes the record @ApiModule generated for its request",
                    "take the request's record, e.g. ShowVersion for show_version");
            return null;
        }
        TypeElement record = (TypeElement) declared.asElement();
        String name = constant(record, ApiJavaWriter.NAME);
        if (name == null) {
            diagnostics.error(method, TAG_REQUEST, "@ApiHandler method " + where + " takes "
                    + record.getSimpleName() + ", which is no record @ApiModule generated (it has no NAME)",
                    "take the request's generated record; regenerate it if it comes from an older build");
            return null;
        }
        String reply = constant(record, ApiJavaWriter.REPLY);
        String details = constant(record, ApiJavaWriter.DETAILS);
        if (reply == null || details == null) {
            diagnostics.error(method, TAG_REQUEST, "@ApiHandler method " + where + " takes "
                    + record.getSimpleName() + ", the message " + name + ", which is no request: no service of"
                    + " its .api file is called with it", "take the request it answers" + requestHint(name)
                    + "; a request is the caller of an rpc, written or implied by the names (X and X_reply,"
                    + " X_dump and X_details)");
            return null;
        }
        return new Request(record, name, reply, details);
    }

    private static String requestHint(String name) {
        for (String suffix : List.of("_reply", "_details")) {
            if (name.endsWith(suffix)) {
                String stem = name.substring(0, name.length() - suffix.length());
                return ", e.g. the record of " + (suffix.equals("_reply") ? stem : stem + "_dump");
            }
        }
        return "";
    }

    /** The shape of the answer, checked against the request's service. */
    private ApiHandlerModel.Method answer(ExecutableElement method, Request request, boolean takesReplies,
                                          String where, boolean mpSafe) {
        TypeMirror returned = method.getReturnType();
        String name = method.getSimpleName().toString();
        ClassName requestClass = ClassName.get(request.type());
        String repliesShape = "void " + name + "(" + request.simpleName() + " request, ApiReplies replies)";
        if (takesReplies) {
            if (returned.getKind() != TypeKind.VOID) {
                diagnostics.error(method, TAG_RETURN, "@ApiHandler method " + where + " takes ApiReplies and"
                        + " returns " + simpleName(returned) + "; with ApiReplies a handler sends its answers itself",
                        "return void and send the reply with replies.reply(...)");
                return null;
            }
            return method(name, request, requestClass, ApiHandlerModel.Shape.REPLIES, returned, null, mpSafe);
        }
        if (!request.reply().isEmpty() && !request.details().isEmpty()) {
            diagnostics.error(method, TAG_PARAMETERS, "@ApiHandler method " + where + " answers " + request.name()
                    + " with what it returns, but its service streams " + request.details() + " before the reply "
                    + request.reply(), "write " + repliesShape + ": send each " + recordName(request.details())
                    + " with replies.details(...), then replies.reply(...)");
            return null;
        }
        if (!request.reply().isEmpty()) {
            TypeElement reply = sibling(method, request, request.reply(), where);
            if (reply == null) {
                return null;
            }
            if (!types.isSameType(returned, reply.asType())) {
                diagnostics.error(method, TAG_RETURN, "@ApiHandler method " + where + " returns "
                        + simpleName(returned) + ", but " + request.name() + " is answered by " + request.reply(),
                        "return " + reply.getSimpleName() + ", or write " + repliesShape);
                return null;
            }
            return method(name, request, requestClass, ApiHandlerModel.Shape.REPLY, returned, null, mpSafe);
        }
        if (!request.details().isEmpty()) {
            TypeElement details = sibling(method, request, request.details(), where);
            if (details == null) {
                return null;
            }
            ApiHandlerModel.Shape shape = streamShape(returned, details);
            if (shape == null) {
                String d = details.getSimpleName().toString();
                diagnostics.error(method, TAG_RETURN, "@ApiHandler method " + where + " returns "
                        + simpleName(returned) + ", but " + request.name() + " is answered by a stream of "
                        + request.details(), "return List<" + d + ">, Iterable<" + d + "> or Stream<" + d
                        + ">, or write " + repliesShape);
                return null;
            }
            return method(name, request, requestClass, shape, returned, ClassName.get(details), mpSafe);
        }
        if (returned.getKind() != TypeKind.VOID) {
            diagnostics.error(method, TAG_RETURN, "@ApiHandler method " + where + " returns " + simpleName(returned)
                    + ", but the service of " + request.name() + " returns null: the request gets no answer",
                    "return void");
            return null;
        }
        return method(name, request, requestClass, ApiHandlerModel.Shape.NO_ANSWER, returned, null, mpSafe);
    }

    private static ApiHandlerModel.Method method(String name, Request request, ClassName requestClass,
                                                 ApiHandlerModel.Shape shape, TypeMirror returned, TypeName element,
                                                 boolean mpSafe) {
        return new ApiHandlerModel.Method(name, request.name(), requestClass, shape, TypeName.get(returned), element,
                mpSafe, false);
    }

    /** ITERABLE or STREAM when {@code returned} yields {@code details} records, else null. */
    private ApiHandlerModel.Shape streamShape(TypeMirror returned, TypeElement details) {
        if (!(returned instanceof DeclaredType declared) || declared.getTypeArguments().isEmpty()
                && !((TypeElement) declared.asElement()).getTypeParameters().isEmpty()) {
            return null; // a primitive, void, or a raw type
        }
        TypeMirror anyDetails = types.getWildcardType(details.asType(), null);
        TypeElement iterable = elements.getTypeElement(Iterable.class.getName());
        if (types.isAssignable(returned, types.getDeclaredType(iterable, anyDetails))) {
            return ApiHandlerModel.Shape.ITERABLE;
        }
        TypeElement stream = elements.getTypeElement(java.util.stream.Stream.class.getName());
        if (types.isAssignable(returned, types.getDeclaredType(stream, anyDetails))) {
            return ApiHandlerModel.Shape.STREAM;
        }
        return null;
    }

    /** The record of message {@code name}, generated beside the request's (a service names messages of its file). */
    private TypeElement sibling(ExecutableElement method, Request request, String name, String where) {
        String className = elements.getPackageOf(request.type()).getQualifiedName() + "." + recordName(name);
        TypeElement type = elements.getTypeElement(className);
        if (type == null) {
            diagnostics.error(method, TAG_RETURN, "@ApiHandler method " + where + ": " + request.name()
                    + " is answered by " + name + ", whose record " + className + " is not on the class path",
                    "compile the records of " + request.simpleName() + "'s .api file together");
        }
        return type;
    }

    private static String recordName(String message) {
        return JavaNames.className(message);
    }

    /** The String constant {@code name} of {@code type}, or null. */
    private static String constant(TypeElement type, String name) {
        for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
            if (field.getSimpleName().contentEquals(name) && field.getModifiers().contains(Modifier.STATIC)
                    && field.getConstantValue() instanceof String value) {
                return value;
            }
        }
        return null;
    }

    private boolean isType(TypeMirror type, String name) {
        return type instanceof DeclaredType declared
                && ((TypeElement) declared.asElement()).getQualifiedName().contentEquals(name);
    }

    private boolean isUnchecked(TypeMirror thrown) {
        return types.isSubtype(thrown, elements.getTypeElement(RuntimeException.class.getName()).asType())
                || types.isSubtype(thrown, elements.getTypeElement(Error.class.getName()).asType());
    }

    private String simpleName(TypeMirror type) {
        if (type instanceof DeclaredType declared) {
            String base = declared.asElement().getSimpleName().toString();
            return declared.getTypeArguments().isEmpty() ? base : base + declared.getTypeArguments().stream()
                    .map(this::simpleName).collect(Collectors.joining(", ", "<", ">"));
        }
        return type.toString();
    }

    private static String describe(TypeElement type) {
        return type.getSimpleName().isEmpty() ? "an anonymous class" : "class " + type.getSimpleName();
    }

    private static String bindingName(TypeElement owner) {
        return String.join("_", ClassName.get(owner).simpleNames()) + "_ApiHandlers";
    }
}
