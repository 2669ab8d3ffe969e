package io.vecta.sdk.processor.api;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Class>_ApiHandlers} for a class's {@code @ApiHandler} methods: {@code bind}
 * gives one {@code ApiHandlerBinding} per method, and each binding's handler is a private static
 * method of the class, named after the message, that decodes, calls and answers, so that a stack
 * trace through the server leads from {@code onShowVersion} straight to {@code showVersion}.
 *
 * <pre>{@code
 * public static List<ApiHandlerBinding> bind(CoreApi handlers) {
 *     Objects.requireNonNull(handlers, "handlers");
 *     return List.of(
 *             new ApiHandlerBinding(ShowVersion.CODEC, false, (request, replies) -> onShowVersion(handlers, request, replies)));
 * }
 *
 * private static void onShowVersion(CoreApi handlers, ByteBuffer request, ApiReplies replies) {
 *     ShowVersionReply reply = handlers.showVersion(ShowVersion.CODEC.decodeRequest(request));
 *     replies.reply(Objects.requireNonNull(reply, "CoreApi.showVersion returned no reply to show_version"));
 * }
 * }</pre>
 * Independent of javac, as {@link ApiJavaWriter} is.
 */
final class ApiHandlerWriter {

    static final String GENERATOR = "io.vecta.sdk.processor.api.ApiHandlerProcessor";

    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    private static final ClassName BINDING = ClassName.get(FieldCode.RUNTIME, "ApiHandlerBinding");
    private static final ClassName REPLIES = ClassName.get(FieldCode.RUNTIME, "ApiReplies");
    private static final ClassName LIST = ClassName.get(List.class);
    private static final ClassName OBJECTS = ClassName.get(Objects.class);

    JavaFile write(ApiHandlerModel model) {
        ClassName owner = model.ownerClass();
        String ownerName = String.join(".", owner.simpleNames());
        CodeBlock.Builder list = CodeBlock.builder().add("return $T.of(", LIST);
        for (int i = 0; i < model.methods().size(); i++) {
            ApiHandlerModel.Method method = model.methods().get(i);
            list.add(i == 0 ? "\n$>$>" : ",\n")
                    .add("new $T($T.CODEC, $L, (request, replies) -> $L(handlers, request, replies))", BINDING,
                            method.request(), method.mpSafe(), helperName(method));
        }
        list.add("$<$<);\n");
        MethodSpec bind = MethodSpec.methodBuilder("bind")
                .addJavadoc("One binding per {@code @ApiHandler} method of {@code handlers}, in declaration order;"
                        + " each calls the method on {@code handlers}.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(ParameterizedTypeName.get(LIST, BINDING))
                .addParameter(owner, "handlers")
                .addStatement("$T.requireNonNull(handlers, $S)", OBJECTS, "handlers")
                .addCode(list.build())
                .build();
        TypeSpec.Builder type = TypeSpec.classBuilder(model.bindingClass())
                .addJavadoc("The binary-API handlers of {@link $T}: its {@code @ApiHandler} methods bound to the"
                        + " requests they answer.\n", owner)
                .addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", GENERATOR)
                        .addMember("comments", "$S", "from " + owner.canonicalName()).build())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addOriginatingElement(model.owner())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(bind);
        for (ApiHandlerModel.Method method : model.methods()) {
            type.addMethod(helper(owner, ownerName, method));
        }
        return JavaFile.builder(model.bindingClass().packageName(), type.build())
                .skipJavaLangImports(true).indent("    ").build();
    }

    private static MethodSpec helper(ClassName owner, String ownerName, ApiHandlerModel.Method method) {
        CodeBlock call = CodeBlock.of("handlers.$L($L$T.CODEC.decodeRequest(request)$L)", method.name(),
                method.takesContext() ? "replies.apiContext(), " : "", method.request(),
                method.shape() == ApiHandlerModel.Shape.REPLIES ? ", replies" : "");
        String returnedNull = ownerName + "." + method.name() + " returned null for " + method.message();
        MethodSpec.Builder helper = MethodSpec.methodBuilder(helperName(method))
                .addJavadoc("{@code $L} → {@link $T#$L}.\n", method.message(), owner, method.name())
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(owner, "handlers")
                .addParameter(ByteBuffer.class, "request")
                .addParameter(REPLIES, "replies");
        switch (method.shape()) {
            case REPLY -> helper
                    .addStatement("$T reply = $L", method.returnType(), call)
                    .addStatement("replies.reply($T.requireNonNull(reply, $S))", OBJECTS, returnedNull);
            case ITERABLE -> helper
                    .addStatement("$T details = $L", method.returnType(), call)
                    .addStatement("$T.requireNonNull(details, $S)", OBJECTS, returnedNull)
                    .beginControlFlow("for ($T one : details)", method.element())
                    .addStatement("replies.details(one)")
                    .endControlFlow();
            case STREAM -> helper
                    .addStatement("$T details = $L", method.returnType(), call)
                    .addStatement("$T.requireNonNull(details, $S)", OBJECTS, returnedNull)
                    .beginControlFlow("try (details)")
                    .addStatement("details.forEachOrdered(replies::details)")
                    .endControlFlow();
            case NO_ANSWER, REPLIES -> helper.addStatement("$L", call);
        }
        return helper.build();
    }

    private static String helperName(ApiHandlerModel.Method method) {
        return "on" + JavaNames.className(method.message());
    }
}
