package io.vecta.sdk.processor.api;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.vecta.api.compiler.ApiCrc;
import io.vecta.api.compiler.model.Alias;
import io.vecta.api.compiler.model.ApiFile;
import io.vecta.api.compiler.model.ApiType;
import io.vecta.api.compiler.model.BaseType;
import io.vecta.api.compiler.model.EnumDef;
import io.vecta.api.compiler.model.EnumEntry;
import io.vecta.api.compiler.model.Field;
import io.vecta.api.compiler.model.FieldShape;
import io.vecta.api.compiler.model.Import;
import io.vecta.api.compiler.model.Message;
import io.vecta.api.compiler.model.Service;
import io.vecta.api.compiler.model.TypeDef;
import io.vecta.api.compiler.model.Union;
import io.vecta.api.compiler.model.UserType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes the Java of one loaded {@code .api} file: for each definition one readable source file
 * with its wire and JSON code, a {@code <Module>Module} class listing the message codecs in
 * message-id order, and a {@code <Module>ServiceClient} with a method per service ({@link ApiClientWriter}). Independent of javac, so tests can run it directly.
 *
 * <pre>
 *   define            record implements ApiMessage, with CODEC (a MessageCodec) and NAME; a request
 *                     also with REPLY and DETAILS, the messages its service answers it with
 *   typedef           record, with write/read/sizeOf/writeJson/readJson
 *   union             final class over its bytes (ApiBytes), ofArm(..) factories and arm accessors
 *   typedef u8 x[6]   record with one component 'value' (alias)
 *   enum              Java enum with value() and of(long)
 *   enumflag          record with long bits() and a constant per flag
 *   enum x_flags      as an enumflag (see isFlagSet)
 * </pre>
 * A file's own definitions go to {@code <base package>.<module>}; the types of the files it
 * imports go to their own modules' packages beside it, written by {@link #writeTypesOnly}.
 */
public final class ApiJavaWriter {

    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    private static final ClassName API_MESSAGE = ClassName.get(FieldCode.RUNTIME, "ApiMessage");
    private static final ClassName MESSAGE_CODEC = ClassName.get(FieldCode.RUNTIME, "MessageCodec");
    private static final ClassName OBJECTS = ClassName.get(Objects.class);
    private static final String GENERATOR = "io.vecta.sdk.processor.api.ApiModuleProcessor";

    /** The constant of every message record holding its {@code .api} name. */
    static final String NAME = "NAME";
    /** The constant of a request's record naming the message that replies to it. */
    static final String REPLY = "REPLY";
    /** The constant of a request's record naming the message streamed in answer. */
    static final String DETAILS = "DETAILS";

    private final String basePackage;

    /** @param basePackage the package each module's package is created in */
    public ApiJavaWriter(String basePackage) {
        this.basePackage = basePackage;
    }

    /** The package a module's definitions are written to. */
    public String packageOf(String module) {
        return basePackage + "." + JavaNames.packageSegment(module);
    }

    /** The module class of {@code file}, e.g. {@code <base>.vpe.VpeModule}. */
    public ClassName moduleClass(ApiFile file) {
        return ClassName.get(packageOf(file.module()), JavaNames.className(file.module()) + "Module");
    }

    /**
     * The module class generated for {@code fileName} (as {@code @ApiModule} names it) in the
     * package annotated {@code basePackage}: {@code com.acme.api.acme.AcmeModule} for
     * {@code "acme.api"} on {@code com.acme.api}. The module is the file's base name without
     * {@code .api}, its dots turned into {@code _}, as the {@code .api} compiler names it.
     */
    public static ClassName moduleClass(String basePackage, String fileName) {
        String base = fileName.substring(fileName.lastIndexOf('/') + 1);
        String module = (base.endsWith(".api") ? base.substring(0, base.length() - 4) : base).replace('.', '_');
        return ClassName.get(new ApiJavaWriter(basePackage).packageOf(module), JavaNames.className(module) + "Module");
    }

    /** The class of {@code message}, a message of {@code file}. */
    public ClassName messageClass(ApiFile file, Message message) {
        return ClassName.get(packageOf(file.module()), JavaNames.className(message.name()));
    }

    /** The class of {@code type}, defined in {@code file} or in a file it imports. */
    public ClassName typeClass(ApiFile file, UserType type) {
        return fieldCode(file).className(type);
    }

    /** Every type and message of {@code file}, its module class and, if it has services, its client. */
    public List<JavaFile> write(ApiFile file) {
        List<JavaFile> files = writeTypesOnly(file);
        FieldCode code = fieldCode(file);
        String pkg = packageOf(file.module());
        Optional<TypeSpec> client = new ApiClientWriter(this, file).write();
        checkClassNames(file, client.isPresent());
        Map<String, Service> services = new HashMap<>();
        for (Service service : file.services()) {
            services.putIfAbsent(service.caller(), service);
        }
        List<ClassName> messages = new ArrayList<>();
        for (Message message : file.messages()) {
            ClassName name = messageClass(file, message);
            messages.add(name);
            files.add(javaFile(pkg, new MessageWriter(code, file, message, name,
                    Optional.ofNullable(services.get(message.name()))).write()));
        }
        files.add(javaFile(pkg, moduleType(file, messages)));
        client.ifPresent(type -> files.add(javaFile(pkg, type)));
        return files;
    }

    /** The types {@code file} defines, without its messages: what an importing file needs. */
    public List<JavaFile> writeTypesOnly(ApiFile file) {
        FieldCode code = fieldCode(file);
        String pkg = packageOf(file.module());
        List<JavaFile> files = new ArrayList<>();
        for (UserType type : file.types()) {
            ClassName name = code.className(type);
            TypeSpec spec = switch (type) {
                case TypeDef typeDef -> new StructWriter(code, file, typeDef, name).write();
                case Union union -> new UnionWriter(code, file, union, name).write();
                case Alias alias -> new AliasWriter(code, file, alias, name).write();
                case EnumDef enumDef when isFlagSet(enumDef) -> new EnumWriter(code, file, enumDef, name).writeFlags();
                case EnumDef enumDef -> new EnumWriter(code, file, enumDef, name).writeEnum();
            };
            files.add(javaFile(pkg, spec));
        }
        return files;
    }

    /**
     * Whether {@code enumDef} is generated as a set of flags: an {@code enumflag}, or an
     * {@code enum} whose name ends in {@code _flags}. VPP declares its older flag sets
     * ({@code if_status_flags}, {@code sub_if_flags}, {@code bd_flags}, ...) as plain enums and
     * sends combinations of their entries, and 0, in them; a Java enum could hold neither.
     */
    public static boolean isFlagSet(EnumDef enumDef) {
        return enumDef.flags() || enumDef.name().endsWith("_flags");
    }

    /** Every file {@code file} imports, directly or not, each once, in import order. */
    public static List<ApiFile> importedFiles(ApiFile file) {
        Map<ApiFile, Boolean> seen = new IdentityHashMap<>();
        List<ApiFile> result = new ArrayList<>();
        collectImports(file, seen, result);
        return result;
    }

    private static void collectImports(ApiFile file, Map<ApiFile, Boolean> seen, List<ApiFile> result) {
        for (Import imported : file.imports()) {
            if (seen.put(imported.file(), Boolean.TRUE) == null) {
                collectImports(imported.file(), seen, result);
                result.add(imported.file());
            }
        }
    }

    private FieldCode fieldCode(ApiFile file) {
        Map<UserType, ClassName> classes = new IdentityHashMap<>();
        addClasses(file, classes);
        for (ApiFile imported : importedFiles(file)) {
            addClasses(imported, classes);
        }
        return new FieldCode(classes);
    }

    private void addClasses(ApiFile file, Map<UserType, ClassName> classes) {
        for (UserType type : file.types()) {
            classes.put(type, ClassName.get(packageOf(file.module()), JavaNames.className(type.name())));
        }
    }

    private void checkClassNames(ApiFile file, boolean withClient) {
        Map<String, String> owners = new HashMap<>();
        owners.put(JavaNames.className(file.module()) + "Module", "the module class");
        if (withClient) {
            owners.put(ApiClientWriter.simpleName(file), "the client class");
        }
        for (UserType type : file.types()) {
            claim(owners, JavaNames.className(type.name()), "type " + type.name(), file);
        }
        for (Message message : file.messages()) {
            claim(owners, JavaNames.className(message.name()), "define " + message.name(), file);
        }
    }

    private static void claim(Map<String, String> owners, String className, String what, ApiFile file) {
        String earlier = owners.putIfAbsent(className, what);
        if (earlier != null) {
            throw new GeneratorException(file.path() + ": " + what + " and " + earlier
                    + " would both become the Java class " + className);
        }
    }

    private static JavaFile javaFile(String pkg, TypeSpec type) {
        return JavaFile.builder(pkg, type).skipJavaLangImports(true).indent("    ").build();
    }

    static AnnotationSpec generated(ApiFile file) {
        return AnnotationSpec.builder(GENERATED)
                .addMember("value", "$S", GENERATOR)
                .addMember("comments", "$S", "from " + file.path().getFileName())
                .build();
    }

    /** Text for Javadoc: HTML specials escaped, comment markers broken. */
    static String doc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;")
                .replace("@", "&#64;");
    }

    private TypeSpec moduleType(ApiFile file, List<ClassName> messages) {
        TypeName codecList = ParameterizedTypeName.get(FieldCode.LIST,
                ParameterizedTypeName.get(MESSAGE_CODEC, WildcardTypeName.subtypeOf(Object.class)));
        CodeBlock.Builder list = CodeBlock.builder().add("$T.of(", FieldCode.LIST);
        for (int i = 0; i < messages.size(); i++) {
            list.add(i == 0 ? "\n$>$>$T.CODEC" : ",\n$T.CODEC", messages.get(i));
        }
        list.add(messages.isEmpty() ? ")" : "$<$<)");
        String rangeName = ApiCrc.messageRangeName(file).orElse("");
        return TypeSpec.classBuilder(moduleClass(file))
                .addJavadoc("The module {@code $L} of {@code $L}: its message codecs in message-id order.\n",
                        file.module(), file.path().getFileName())
                .addAnnotation(generated(file))
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addField(FieldSpec.builder(String.class, "NAME", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$S", file.module()).build())
                .addField(FieldSpec.builder(String.class, "VERSION", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("From {@code option version}; empty when the file has none.\n")
                        .initializer("$S", file.version().orElse("")).build())
                .addField(FieldSpec.builder(TypeName.INT, "FILE_CRC", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The whole-file CRC VPP registers the file's message ids under.\n")
                        .initializer("0x$L", "%08x".formatted(ApiCrc.file(file))).build())
                .addField(FieldSpec.builder(String.class, "MESSAGE_RANGE_NAME", Modifier.PUBLIC, Modifier.STATIC,
                                Modifier.FINAL)
                        .addJavadoc("{@code <module>_<file crc>}, what clients pass to {@code get_first_msg_id};"
                                + " empty for {@code memclnt} (fixed ids) and files without messages.\n")
                        .initializer("$S", rangeName).build())
                .addField(FieldSpec.builder(codecList, "MESSAGES", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("In message-id order: id = the module's first id + index.\n")
                        .initializer(list.build()).build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .build();
    }

    // ---- records of fields: messages and typedefs ------------------------------------------

    /** What messages and typedefs share: a record of their fields, less counted arrays' count fields. */
    private abstract static class BlockWriter {

        final FieldCode code;
        final ApiFile file;
        final List<Field> fields;
        final ClassName name;
        /** Count field name → the counted field it counts. */
        final Map<String, Field> countedBy = new LinkedHashMap<>();

        BlockWriter(FieldCode code, ApiFile file, List<Field> fields, ClassName name) {
            this.code = code;
            this.file = file;
            this.fields = fields;
            this.name = name;
            for (Field field : fields) {
                if (field.shape() instanceof FieldShape.Counted counted) {
                    Field other = countedBy.put(counted.lengthField(), field);
                    if (other != null) {
                        throw new GeneratorException(field.position() + ": '" + counted.lengthField()
                                + "' counts both '" + other.name() + "' and '" + field.name() + "'");
                    }
                }
            }
        }

        abstract String label(Field field);

        List<Field> components() {
            return fields.stream().filter(field -> !countedBy.containsKey(field.name())).toList();
        }

        int minSize() {
            return fields.stream().mapToInt(field -> FieldCode.minSize(field.type(), field.shape())).sum();
        }

        boolean isVariable() {
            return fields.stream().anyMatch(field -> FieldCode.isVariable(field.type(), field.shape()));
        }

        CodeBlock access(Field field) {
            return CodeBlock.of("value.$L()", JavaNames.memberName(field.name()));
        }

        CodeBlock labelOf(Field field) {
            return CodeBlock.of("$S", label(field));
        }

        int countWidth(Field countField) {
            if (!(countField.type() instanceof BaseType base) || !base.isInteger()
                    || !(countField.shape() instanceof FieldShape.Scalar)) {
                throw new GeneratorException(countField.position() + ": the count field '" + countField.name()
                        + "' is not an integer");
            }
            return base.size();
        }

        TypeSpec.Builder record(String javadoc) {
            MethodSpec.Builder constructor = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
            for (Field field : components()) {
                String member = JavaNames.memberName(field.name());
                constructor.addParameter(code.javaType(field.type(), field.shape()), member);
                if (FieldCode.isList(field.type(), field.shape())) {
                    constructor.addStatement("$L = $T.copyOf($T.requireNonNull($L, $S))", member, FieldCode.LIST,
                            OBJECTS, member, label(field));
                } else if (code.isReference(field.type(), field.shape())) {
                    constructor.addStatement("$T.requireNonNull($L, $S)", OBJECTS, member, label(field));
                }
            }
            TypeSpec.Builder type = TypeSpec.recordBuilder(name)
                    .addJavadoc("$L", javadoc)
                    .addAnnotation(generated(file))
                    .addModifiers(Modifier.PUBLIC)
                    .recordConstructor(constructor.build());
            for (Field field : fields) {
                if (countedBy.containsKey(field.name())) {
                    Field counted = countedBy.get(field.name());
                    type.addMethod(MethodSpec.methodBuilder(JavaNames.memberName(field.name()))
                            .addJavadoc("The count field {@code $L}: the number of elements of {@code $L}.\n",
                                    field.name(), counted.name())
                            .addModifiers(Modifier.PUBLIC)
                            .returns(TypeName.INT)
                            .addStatement("return $L", FieldCode.countOf(counted.type(),
                                    CodeBlock.of("$L", JavaNames.memberName(counted.name()))))
                            .build());
                }
            }
            type.addField(FieldSpec.builder(TypeName.INT, "MIN_SIZE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc(isVariable() ? "Bytes on the wire when every variable part is empty.\n"
                            : "Bytes on the wire.\n")
                    .initializer("$L", minSize()).build());
            return type;
        }

        MethodSpec sizeOf(Modifier visibility) {
            CodeBlock.Builder sum = CodeBlock.builder().add("MIN_SIZE");
            for (Field field : fields) {
                CodeBlock extra = code.extraSize(field.type(), field.shape(), access(field));
                if (!extra.isEmpty()) {
                    sum.add(" + $L", extra);
                }
            }
            return MethodSpec.methodBuilder("sizeOf")
                    .addModifiers(visibility, Modifier.STATIC)
                    .returns(TypeName.INT)
                    .addParameter(name, "value")
                    .addStatement("return $L", sum.build())
                    .build();
        }

        MethodSpec write(Modifier visibility) {
            MethodSpec.Builder method = MethodSpec.methodBuilder("write")
                    .addModifiers(visibility, Modifier.STATIC)
                    .addParameter(name, "value")
                    .addParameter(FieldCode.API_WRITER, "out");
            for (Field field : fields) {
                Field counted = countedBy.get(field.name());
                if (counted != null) {
                    method.addStatement("out.count($L, $L, $L)", FieldCode.countOf(counted.type(), access(counted)),
                            countWidth(field), labelOf(field));
                } else {
                    method.addCode(code.write(field.type(), field.shape(), access(field), labelOf(field)));
                }
            }
            return method.build();
        }

        MethodSpec read(Modifier visibility) {
            MethodSpec.Builder method = MethodSpec.methodBuilder("read")
                    .addModifiers(visibility, Modifier.STATIC)
                    .returns(name)
                    .addParameter(FieldCode.API_READER, "in");
            for (Field field : fields) {
                String local = JavaNames.memberName(field.name());
                Field counted = countedBy.get(field.name());
                if (counted != null) {
                    method.addStatement("int $L = in.count($L, $L, $L)", local, countWidth(field),
                            code.elementSize(counted.type()), labelOf(field));
                } else {
                    String count = field.shape() instanceof FieldShape.Counted c ? JavaNames.memberName(c.lengthField()) : null;
                    method.addCode(code.read(field.type(), field.shape(), local, labelOf(field), count));
                }
            }
            return method.addStatement("return new $T($L)", name, arguments()).build();
        }

        MethodSpec writeJson(Modifier visibility) {
            MethodSpec.Builder method = MethodSpec.methodBuilder("writeJson")
                    .addModifiers(visibility, Modifier.STATIC)
                    .addParameter(name, "value")
                    .addParameter(FieldCode.JSON_OUT, "out")
                    .addStatement("out.beginObject()");
            for (Field field : fields) {
                Field counted = countedBy.get(field.name());
                if (counted != null) {
                    method.addStatement("out.name($S).value($L)", field.name(),
                            FieldCode.countOf(counted.type(), access(counted)));
                } else {
                    method.addStatement("out.name($S)", field.name());
                    method.addCode(code.writeJson(field.type(), field.shape(), access(field)));
                }
            }
            return method.addStatement("out.endObject()").build();
        }

        MethodSpec readJson(Modifier visibility) {
            MethodSpec.Builder method = MethodSpec.methodBuilder("readJson")
                    .addModifiers(visibility, Modifier.STATIC)
                    .returns(name)
                    .addParameter(FieldCode.JSON_IN, "json");
            for (Field field : components()) {
                method.addCode(code.readJson(field.type(), field.shape(), JavaNames.memberName(field.name()),
                        CodeBlock.of("json.field($S)", field.name())));
            }
            return method.addStatement("return new $T($L)", name, arguments()).build();
        }

        private String arguments() {
            return String.join(", ", components().stream().map(field -> JavaNames.memberName(field.name())).toList());
        }
    }

    private static final class MessageWriter extends BlockWriter {

        private final Message message;
        private final Optional<Service> service;

        MessageWriter(FieldCode code, ApiFile file, Message message, ClassName name, Optional<Service> service) {
            super(code, file, message.fields(), name);
            this.message = message;
            this.service = service;
        }

        @Override
        String label(Field field) {
            return field.name();
        }

        TypeSpec write() {
            int crc = ApiCrc.message(message);
            StringBuilder javadoc = new StringBuilder("{@code define " + message.name() + "} of {@code "
                    + file.path().getFileName() + "}, line " + message.position().line()
                    + "; registered as {@code " + message.name() + "_" + "%08x".formatted(crc) + "}.\n");
            message.autoreplyOf().ifPresent(request -> javadoc.append("<p>The reply {@code autoreply} gives {@code ")
                    .append(request).append("}.\n"));
            message.comment().ifPresent(comment -> javadoc.append("\n<pre>\n").append(doc(comment)).append("\n</pre>\n"));
            TypeName codecType = ParameterizedTypeName.get(MESSAGE_CODEC, name);
            TypeSpec codec = TypeSpec.anonymousClassBuilder("$S, 0x$L, $T.class, MIN_SIZE, $L",
                            message.name(), "%08x".formatted(crc), name, !isVariable())
                    .superclass(codecType)
                    .addMethod(delegate("bodySize", TypeName.INT, "sizeOf", "message"))
                    .addMethod(delegate("write", TypeName.VOID, "write", "message", FieldCode.API_WRITER, "out"))
                    .addMethod(MethodSpec.methodBuilder("read").addAnnotation(Override.class)
                            .addModifiers(Modifier.PROTECTED).returns(name)
                            .addParameter(FieldCode.API_READER, "in")
                            .addStatement("return $T.read(in)", name).build())
                    .addMethod(delegate("writeJson", TypeName.VOID, "writeJson", "message", FieldCode.JSON_OUT, "out"))
                    .addMethod(MethodSpec.methodBuilder("readJson").addAnnotation(Override.class)
                            .addModifiers(Modifier.PROTECTED).returns(name)
                            .addParameter(FieldCode.JSON_IN, "json")
                            .addStatement("return $T.readJson(json)", name).build())
                    .build();
            TypeSpec.Builder type = record(javadoc.toString())
                    .addSuperinterface(API_MESSAGE)
                    .addField(constant(NAME, "The name in the {@code .api} file.\n", message.name()));
            service.ifPresent(rpc -> answerConstants(type, rpc));
            return type
                    .addField(FieldSpec.builder(codecType, "CODEC", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                            .initializer("$L", codec).build())
                    .addMethod(MethodSpec.methodBuilder("codec").addAnnotation(Override.class)
                            .addModifiers(Modifier.PUBLIC).returns(codecType)
                            .addStatement("return CODEC").build())
                    .addMethod(sizeOf(Modifier.PRIVATE))
                    .addMethod(write(Modifier.PRIVATE))
                    .addMethod(read(Modifier.PRIVATE))
                    .addMethod(writeJson(Modifier.PRIVATE))
                    .addMethod(readJson(Modifier.PRIVATE))
                    .build();
        }

        /**
         * {@code REPLY} and {@code DETAILS}: the answer the service gives this request, as
         * {@code @ApiHandler} methods are checked against it. A plain stream ({@code X_dump})
         * has details and no reply; {@code X_get} both; {@code returns null} neither.
         */
        private static void answerConstants(TypeSpec.Builder type, Service rpc) {
            boolean plainStream = rpc.stream() && rpc.streamMessage().isEmpty();
            String reply = plainStream ? "" : rpc.reply().orElse("");
            String details = plainStream ? rpc.reply().orElse("") : rpc.streamMessage().orElse("");
            type.addField(constant(REPLY, "The message that ends the answer to this request, from its"
                    + " {@code .api} service; empty when none does (a {@code _dump}, or {@code returns null}).\n", reply));
            type.addField(constant(DETAILS, "The message streamed in answer to this request before its reply, from"
                    + " its {@code .api} service; empty when there is no stream.\n", details));
        }

        private static FieldSpec constant(String name, String javadoc, String value) {
            return FieldSpec.builder(String.class, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc(javadoc).initializer("$S", value).build();
        }

        private MethodSpec delegate(String method, TypeName returns, String target, String parameter,
                Object... extra) {
            MethodSpec.Builder builder = MethodSpec.methodBuilder(method).addAnnotation(Override.class)
                    .addModifiers(Modifier.PROTECTED).returns(returns)
                    .addParameter(name, parameter);
            StringBuilder arguments = new StringBuilder(parameter);
            for (int i = 0; i < extra.length; i += 2) {
                builder.addParameter((TypeName) extra[i], (String) extra[i + 1]);
                arguments.append(", ").append(extra[i + 1]);
            }
            String statement = returns == TypeName.VOID ? "$T.$L($L)" : "return $T.$L($L)";
            return builder.addStatement(statement, name, target, arguments).build();
        }
    }

    private static final class StructWriter extends BlockWriter {

        private final TypeDef typeDef;

        StructWriter(FieldCode code, ApiFile file, TypeDef typeDef, ClassName name) {
            super(code, file, typeDef.fields(), name);
            this.typeDef = typeDef;
        }

        @Override
        String label(Field field) {
            return typeDef.name() + "." + field.name();
        }

        TypeSpec write() {
            StringBuilder javadoc = new StringBuilder("{@code typedef " + typeDef.name() + "} of {@code "
                    + file.path().getFileName() + "}, line " + typeDef.position().line() + ".\n");
            typeDef.comment().ifPresent(comment -> javadoc.append("\n<pre>\n").append(doc(comment)).append("\n</pre>\n"));
            return record(javadoc.toString())
                    .addMethod(sizeOf(Modifier.PUBLIC))
                    .addMethod(write(Modifier.PUBLIC))
                    .addMethod(read(Modifier.PUBLIC))
                    .addMethod(writeJson(Modifier.PUBLIC))
                    .addMethod(readJson(Modifier.PUBLIC))
                    .build();
        }
    }

    // ---- unions, aliases, enums ------------------------------------------------------------

    private record UnionWriter(FieldCode code, ApiFile file, Union union, ClassName name) {

        TypeSpec write() {
            int size = FieldCode.minSize(union);
            for (Field arm : union.arms()) {
                if (FieldCode.isVariable(arm.type(), arm.shape())) {
                    throw new GeneratorException(arm.position() + ": union arm '" + arm.name() + "' has no fixed size");
                }
            }
            TypeSpec.Builder type = TypeSpec.classBuilder(name)
                    .addJavadoc("{@code union $L} of {@code $L}, line $L: $L bytes that hold one of its arms, the arm's"
                                    + " bytes first, zero padded.\n<p>The field that holds the union says which arm is"
                                    + " meant; every arm accessor decodes the same bytes.\n",
                            union.name(), file.path().getFileName(), union.position().line(), size)
                    .addAnnotation(generated(file))
                    .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                    .addField(FieldSpec.builder(TypeName.INT, "MIN_SIZE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                            .addJavadoc("Bytes on the wire: those of the largest arm.\n")
                            .initializer("$L", size).build())
                    .addField(FieldCode.API_BYTES, "bytes", Modifier.PRIVATE, Modifier.FINAL)
                    .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                            .addParameter(FieldCode.API_BYTES, "bytes")
                            .addStatement("this.bytes = bytes").build())
                    .addMethod(MethodSpec.methodBuilder("ofBytes")
                            .addJavadoc("The union holding {@code bytes}, zero padded to {@link #MIN_SIZE}.\n")
                            .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(name)
                            .addParameter(FieldCode.API_BYTES, "bytes")
                            .beginControlFlow("if (bytes.length() > MIN_SIZE)")
                            .addStatement("throw new $T($S + bytes.length())", IllegalArgumentException.class,
                                    "union " + union.name() + " holds " + size + " bytes, got ")
                            .endControlFlow()
                            .addStatement("return new $T(bytes.padTo(MIN_SIZE))", name).build())
                    .addMethod(MethodSpec.methodBuilder("bytes").addModifiers(Modifier.PUBLIC)
                            .returns(FieldCode.API_BYTES).addStatement("return bytes").build());
            for (Field arm : union.arms()) {
                String member = JavaNames.armName(arm.name());
                TypeName armType = code.javaType(arm.type(), arm.shape());
                CodeBlock label = CodeBlock.of("$S", union.name() + "." + arm.name());
                type.addMethod(MethodSpec.methodBuilder("of" + Character.toUpperCase(member.charAt(0)) + member.substring(1))
                        .addJavadoc("The union holding the arm {@code $L}.\n", arm.name())
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(name)
                        .addParameter(armType, member)
                        .addStatement("byte[] bytes = new byte[MIN_SIZE]")
                        .addStatement("$T out = $T.over($S, $T.wrap(bytes))", FieldCode.API_WRITER, FieldCode.API_WRITER,
                                union.name(), ClassName.get("java.nio", "ByteBuffer"))
                        .addCode(code.write(arm.type(), arm.shape(), CodeBlock.of("$L", member), label))
                        .addStatement("return new $T($T.of(bytes))", name, FieldCode.API_BYTES).build());
                type.addMethod(MethodSpec.methodBuilder(member)
                        .addJavadoc("The bytes read as the arm {@code $L}.\n", arm.name())
                        .addModifiers(Modifier.PUBLIC).returns(armType)
                        .addStatement("$T in = $T.over($S, bytes.asBuffer())", FieldCode.API_READER, FieldCode.API_READER,
                                union.name())
                        .addCode(code.read(arm.type(), arm.shape(), "arm", label, null))
                        .addStatement("return arm").build());
            }
            type.addMethod(MethodSpec.methodBuilder("write").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .addParameter(name, "value").addParameter(FieldCode.API_WRITER, "out")
                    .addParameter(String.class, "field")
                    .addStatement("out.union(value.bytes, MIN_SIZE, field)").build());
            type.addMethod(MethodSpec.methodBuilder("read").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(name).addParameter(FieldCode.API_READER, "in").addParameter(String.class, "field")
                    .addStatement("return new $T(in.bytes(MIN_SIZE, field))", name).build());
            type.addMethod(writeJson());
            type.addMethod(readJson());
            type.addMethod(MethodSpec.methodBuilder("equals").addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC).returns(TypeName.BOOLEAN).addParameter(Object.class, "other")
                    .addStatement("return other instanceof $T that && bytes.equals(that.bytes)", name).build());
            type.addMethod(MethodSpec.methodBuilder("hashCode").addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC).returns(TypeName.INT)
                    .addStatement("return bytes.hashCode()").build());
            type.addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC).returns(String.class)
                    .addStatement("return $S + bytes + $S", JavaNames.className(union.name()) + "[", "]").build());
            return type.build();
        }

        /**
         * Every arm decoded from the bytes, as VPP's Python client shows a union; an arm the
         * bytes are no valid value of (an unknown enum value) is left out.
         */
        private MethodSpec writeJson() {
            MethodSpec.Builder method = MethodSpec.methodBuilder("writeJson")
                    .addJavadoc("Every arm the bytes decode as, as VPP's Python client shows a union.\n")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .addParameter(name, "value").addParameter(FieldCode.JSON_OUT, "out")
                    .addStatement("out.beginObject()");
            for (Field arm : union.arms()) {
                String member = JavaNames.armName(arm.name());
                method.beginControlFlow("try")
                        .addStatement("$T $L = value.$L()", code.javaType(arm.type(), arm.shape()), member, member)
                        .addStatement("out.name($S)", arm.name())
                        .addCode(code.writeJson(arm.type(), arm.shape(), CodeBlock.of("$L", member)))
                        .nextControlFlow("catch ($T notThisArm)", ClassName.get(FieldCode.RUNTIME, "ApiCodecException"))
                        .addCode("// the bytes are no value of this arm: it is left out\n")
                        .endControlFlow();
            }
            return method.addStatement("out.endObject()").build();
        }

        /** The largest arm the object holds (the first of equal size), so that the bytes come back whole. */
        private MethodSpec readJson() {
            MethodSpec.Builder method = MethodSpec.methodBuilder("readJson")
                    .addJavadoc("From an object holding one or more arms: the largest of them decides the bytes.\n")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(name)
                    .addParameter(FieldCode.JSON_IN, "json");
            List<Field> bySize = new ArrayList<>(union.arms());
            bySize.sort((a, b) -> Integer.compare(FieldCode.minSize(b.type(), b.shape()),
                    FieldCode.minSize(a.type(), a.shape())));
            for (Field arm : bySize) {
                String member = JavaNames.armName(arm.name());
                method.beginControlFlow("if (json.has($S))", arm.name())
                        .addCode(code.readJson(arm.type(), arm.shape(), member, CodeBlock.of("json.field($S)", arm.name())))
                        .addStatement("return of$L($L)", Character.toUpperCase(member.charAt(0)) + member.substring(1), member)
                        .endControlFlow();
            }
            return method.addStatement("throw json.invalid($S)", "holds none of the arms of union " + union.name())
                    .build();
        }
    }

    private record AliasWriter(FieldCode code, ApiFile file, Alias alias, ClassName name) {

        TypeSpec write() {
            TypeName valueType = code.javaType(alias.target(), alias.shape());
            MethodSpec.Builder constructor = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC)
                    .addParameter(valueType, "value");
            if (FieldCode.isList(alias.target(), alias.shape())) {
                constructor.addStatement("value = $T.copyOf($T.requireNonNull(value, $S))", FieldCode.LIST, OBJECTS,
                        alias.name());
            } else if (!valueType.isPrimitive()) {
                constructor.addStatement("$T.requireNonNull(value, $S)", OBJECTS, alias.name());
            }
            CodeBlock value = CodeBlock.of("value.value()");
            CodeBlock label = CodeBlock.of("field");
            CodeBlock extra = code.extraSize(alias.target(), alias.shape(), value);
            return TypeSpec.recordBuilder(name)
                    .addJavadoc("{@code typedef $L $L$L} of {@code $L}, line $L: a name for the type it aliases, the"
                                    + " same on the wire.\n", alias.target().typeName(), alias.name(), suffix(alias.shape()),
                            file.path().getFileName(), alias.position().line())
                    .addAnnotation(generated(file))
                    .addModifiers(Modifier.PUBLIC)
                    .recordConstructor(constructor.build())
                    .addField(FieldSpec.builder(TypeName.INT, "MIN_SIZE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                            .addJavadoc("Bytes on the wire.\n")
                            .initializer("$L", FieldCode.minSize(alias)).build())
                    .addMethod(MethodSpec.methodBuilder("sizeOf").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                            .returns(TypeName.INT).addParameter(name, "value")
                            .addStatement(extra.isEmpty() ? CodeBlock.of("return MIN_SIZE")
                                    : CodeBlock.of("return MIN_SIZE + $L", extra)).build())
                    .addMethod(MethodSpec.methodBuilder("write").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                            .addParameter(name, "value").addParameter(FieldCode.API_WRITER, "out")
                            .addParameter(String.class, "field")
                            .addCode(code.write(alias.target(), alias.shape(), value, label)).build())
                    .addMethod(MethodSpec.methodBuilder("read").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                            .returns(name).addParameter(FieldCode.API_READER, "in").addParameter(String.class, "field")
                            .addCode(code.read(alias.target(), alias.shape(), "value", label, null))
                            .addStatement("return new $T(value)", name).build())
                    .addMethod(MethodSpec.methodBuilder("writeJson").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                            .addParameter(name, "value").addParameter(FieldCode.JSON_OUT, "out")
                            .addCode(code.writeJson(alias.target(), alias.shape(), value)).build())
                    .addMethod(MethodSpec.methodBuilder("readJson").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                            .returns(name).addParameter(FieldCode.JSON_IN, "json")
                            .addCode(code.readJson(alias.target(), alias.shape(), "value", CodeBlock.of("json")))
                            .addStatement("return new $T(value)", name).build())
                    .build();
        }

        private static String suffix(FieldShape shape) {
            return shape instanceof FieldShape.Fixed fixed ? "[" + fixed.length() + "]" : "";
        }
    }

    private record EnumWriter(FieldCode code, ApiFile file, EnumDef enumDef, ClassName name) {

        private static final Set<BaseType> SIGNED = Set.of(BaseType.I8, BaseType.I16, BaseType.I32, BaseType.I64);

        private boolean signed() {
            return SIGNED.contains(enumDef.base());
        }

        private long min() {
            return signed() ? -(1L << (8 * enumDef.base().size() - 1)) : 0;
        }

        private long max() {
            int bits = 8 * enumDef.base().size();
            return signed() ? (1L << (bits - 1)) - 1 : bits == 64 ? Long.MAX_VALUE : (1L << bits) - 1;
        }

        private String javadoc() {
            return "{@code " + enumDef.keyword() + " " + enumDef.name() + " : " + enumDef.base().keyword() + "} of {@code "
                    + file.path().getFileName() + "}, line " + enumDef.position().line() + ".\n";
        }

        private FieldSpec size() {
            return FieldSpec.builder(TypeName.INT, "MIN_SIZE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("Bytes on the wire: those of the base type.\n")
                    .initializer("$L", enumDef.base().size()).build();
        }

        private String access() {
            return signed() ? "signed" : "unsigned";
        }

        TypeSpec writeEnum() {
            TypeSpec.Builder type = TypeSpec.enumBuilder(name)
                    .addJavadoc("$L", javadoc())
                    .addAnnotation(generated(file))
                    .addModifiers(Modifier.PUBLIC);
            for (EnumEntry entry : enumDef.entries()) {
                TypeSpec.Builder constant = TypeSpec.anonymousClassBuilder("$LL", entry.value());
                if (entry.backwardsCompatible()) {
                    constant.addJavadoc("Marked {@code backwards_compatible}: not part of the CRC.\n");
                }
                type.addEnumConstant(entry.name(), constant.build());
            }
            return type.addField(size())
                    .addField(FieldSpec.builder(ArrayTypeName.of(name), "ENTRIES", Modifier.PRIVATE, Modifier.STATIC,
                            Modifier.FINAL).initializer("values()").build())
                    .addField(TypeName.LONG, "value", Modifier.PRIVATE, Modifier.FINAL)
                    .addMethod(MethodSpec.constructorBuilder().addParameter(TypeName.LONG, "value")
                            .addStatement("this.value = value").build())
                    .addMethod(MethodSpec.methodBuilder("value").addJavadoc("The value on the wire.\n")
                            .addModifiers(Modifier.PUBLIC).returns(TypeName.LONG).addStatement("return value").build())
                    .addMethod(MethodSpec.methodBuilder("of")
                            .addJavadoc("The entry with {@code value} (the first, if several have it), or null.\n")
                            .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(name)
                            .addParameter(TypeName.LONG, "value")
                            .beginControlFlow("for ($T entry : ENTRIES)", name)
                            .beginControlFlow("if (entry.value == value)")
                            .addStatement("return entry")
                            .endControlFlow()
                            .endControlFlow()
                            .addStatement("return null").build())
                    .addMethod(MethodSpec.methodBuilder("write").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                            .addParameter(name, "value").addParameter(FieldCode.API_WRITER, "out")
                            .addParameter(String.class, "field")
                            .addStatement("out.$L(value.value, $L, field)", access(), enumDef.base().size()).build())
                    .addMethod(MethodSpec.methodBuilder("read").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                            .returns(name).addParameter(FieldCode.API_READER, "in").addParameter(String.class, "field")
                            .addStatement("long raw = in.$L($L, field)", access(), enumDef.base().size())
                            .addStatement("$T entry = of(raw)", name)
                            .beginControlFlow("if (entry == null)")
                            .addStatement("throw in.invalid(field, $S + raw + $S)", "value ",
                                    " is not an entry of enum " + enumDef.name())
                            .endControlFlow()
                            .addStatement("return entry").build())
                    .addMethod(MethodSpec.methodBuilder("writeJson").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                            .addParameter(name, "value").addParameter(FieldCode.JSON_OUT, "out")
                            .addStatement(enumDef.base() == BaseType.U64 ? "out.unsignedValue(value.value)"
                                    : "out.value(value.value)").build())
                    .addMethod(MethodSpec.methodBuilder("readJson").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                            .returns(name).addParameter(FieldCode.JSON_IN, "json")
                            .addStatement(enumDef.base() == BaseType.U64 ? CodeBlock.of("long raw = json.u64()")
                                    : CodeBlock.of("long raw = json.integer($LL, $LL)", min(), max()))
                            .addStatement("$T entry = of(raw)", name)
                            .beginControlFlow("if (entry == null)")
                            .addStatement("throw json.invalid($S + raw + $S)", "value ",
                                    " is not an entry of enum " + enumDef.name())
                            .endControlFlow()
                            .addStatement("return entry").build())
                    .build();
        }

        TypeSpec writeFlags() {
            TypeSpec.Builder type = TypeSpec.recordBuilder(name)
                    .addJavadoc("$L<p>Any combination of the flags; {@link #bits()} as on the wire.\n", javadoc())
                    .addAnnotation(generated(file))
                    .addModifiers(Modifier.PUBLIC)
                    .recordConstructor(MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC)
                            .addParameter(TypeName.LONG, "bits").build());
            for (EnumEntry entry : enumDef.entries()) {
                type.addField(FieldSpec.builder(name, entry.name(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .initializer("new $T($LL)", name, entry.value()).build());
            }
            return type.addField(size())
                    .addMethod(MethodSpec.methodBuilder("has").addJavadoc("Whether every bit of {@code flags} is set.\n")
                            .addModifiers(Modifier.PUBLIC).returns(TypeName.BOOLEAN).addParameter(name, "flags")
                            .addStatement("return (bits & flags.bits) == flags.bits").build())
                    .addMethod(MethodSpec.methodBuilder("with").addJavadoc("These flags and {@code flags}.\n")
                            .addModifiers(Modifier.PUBLIC).returns(name).addParameter(name, "flags")
                            .addStatement("return new $T(bits | flags.bits)", name).build())
                    .addMethod(MethodSpec.methodBuilder("write").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                            .addParameter(name, "value").addParameter(FieldCode.API_WRITER, "out")
                            .addParameter(String.class, "field")
                            .addStatement("out.$L(value.bits, $L, field)", access(), enumDef.base().size()).build())
                    .addMethod(MethodSpec.methodBuilder("read").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                            .returns(name).addParameter(FieldCode.API_READER, "in").addParameter(String.class, "field")
                            .addStatement("return new $T(in.$L($L, field))", name, access(), enumDef.base().size()).build())
                    .addMethod(MethodSpec.methodBuilder("writeJson").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                            .addParameter(name, "value").addParameter(FieldCode.JSON_OUT, "out")
                            .addStatement(enumDef.base() == BaseType.U64 ? "out.unsignedValue(value.bits)"
                                    : "out.value(value.bits)").build())
                    .addMethod(MethodSpec.methodBuilder("readJson").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                            .returns(name).addParameter(FieldCode.JSON_IN, "json")
                            .addStatement(enumDef.base() == BaseType.U64 ? CodeBlock.of("return new $T(json.u64())", name)
                                    : CodeBlock.of("return new $T(json.integer($LL, $LL))", name, min(), max())).build())
                    .build();
        }
    }

}
