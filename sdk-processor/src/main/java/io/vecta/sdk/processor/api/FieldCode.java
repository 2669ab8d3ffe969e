package io.vecta.sdk.processor.api;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.vecta.api.compiler.model.Alias;
import io.vecta.api.compiler.model.ApiType;
import io.vecta.api.compiler.model.BaseType;
import io.vecta.api.compiler.model.EnumDef;
import io.vecta.api.compiler.model.FieldShape;
import io.vecta.api.compiler.model.TypeDef;
import io.vecta.api.compiler.model.Union;
import io.vecta.api.compiler.model.UserType;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The Java type of a field and the generated statements that write, read, size and convert it
 * to and from JSON. A field is seen as an element type and a shape, so that message fields,
 * typedef fields, union arms and alias targets share one code path.
 *
 * <pre>
 *   shape      u8 element       string element     other element
 *   Scalar     int              (not allowed)      its Java type
 *   Fixed(N)   ApiBytes (N)     String (N bytes)   List of N
 *   Counted    ApiBytes         String             List
 *   Open       -                String (u32 len)   -
 * </pre>
 */
final class FieldCode {

    static final String RUNTIME = "io.vecta.sdk.api";
    static final ClassName API_BYTES = ClassName.get(RUNTIME, "ApiBytes");
    static final ClassName API_WRITER = ClassName.get(RUNTIME, "ApiWriter");
    static final ClassName API_READER = ClassName.get(RUNTIME, "ApiReader");
    static final ClassName JSON_OUT = ClassName.get(RUNTIME, "JsonOut");
    static final ClassName JSON_IN = ClassName.get(RUNTIME, "JsonIn");
    static final ClassName LIST = ClassName.get("java.util", "List");
    static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");

    private final Map<UserType, ClassName> classes;

    FieldCode(Map<UserType, ClassName> classes) {
        this.classes = new IdentityHashMap<>(classes);
    }

    ClassName className(UserType type) {
        ClassName name = classes.get(type);
        if (name == null) {
            throw new IllegalStateException("no class for type " + type.name());
        }
        return name;
    }

    // ---- types and sizes ---------------------------------------------------------------------

    TypeName elementType(ApiType type) {
        return switch (type) {
            case BaseType base -> switch (base) {
                case U8, U16 -> TypeName.INT;
                case U32, U64, I64 -> TypeName.LONG;
                case I8 -> TypeName.BYTE;
                case I16 -> TypeName.SHORT;
                case I32 -> TypeName.INT;
                case F64 -> TypeName.DOUBLE;
                case BOOL -> TypeName.BOOLEAN;
                case STRING -> ClassName.get(String.class);
            };
            case UserType user -> className(user);
        };
    }

    TypeName javaType(ApiType type, FieldShape shape) {
        if (type == BaseType.STRING) {
            return ClassName.get(String.class);
        }
        return switch (shape) {
            case FieldShape.Scalar scalar -> elementType(type);
            case FieldShape.Fixed fixed when type == BaseType.U8 -> API_BYTES;
            case FieldShape.Counted counted when type == BaseType.U8 -> API_BYTES;
            case FieldShape.Fixed fixed -> ParameterizedTypeName.get(LIST, elementType(type).box());
            case FieldShape.Counted counted -> ParameterizedTypeName.get(LIST, elementType(type).box());
            case FieldShape.Open open -> throw new GeneratorException("only strings may be declared with []");
        };
    }

    /** Whether the Java value is an object that must not be null. */
    boolean isReference(ApiType type, FieldShape shape) {
        return !javaType(type, shape).isPrimitive();
    }

    static boolean isList(ApiType type, FieldShape shape) {
        return type != BaseType.U8 && type != BaseType.STRING
                && (shape instanceof FieldShape.Fixed || shape instanceof FieldShape.Counted);
    }

    /** Bytes of one element when every variable part is empty. */
    static int minSize(ApiType type) {
        return switch (type) {
            case BaseType base -> base.size();
            case EnumDef enumDef -> enumDef.base().size();
            case Alias alias -> minSize(alias.target(), alias.shape());
            case TypeDef typeDef -> typeDef.fields().stream().mapToInt(f -> minSize(f.type(), f.shape())).sum();
            case Union union -> union.arms().stream().mapToInt(f -> minSize(f.type(), f.shape())).max().orElse(0);
        };
    }

    static int minSize(ApiType type, FieldShape shape) {
        return switch (shape) {
            case FieldShape.Scalar scalar -> minSize(type);
            case FieldShape.Fixed fixed -> fixed.length() * minSize(type);
            case FieldShape.Counted counted -> 0;
            case FieldShape.Open open -> 4;
        };
    }

    static boolean isVariable(ApiType type) {
        return switch (type) {
            case TypeDef typeDef -> typeDef.isVariableLength();
            case Union union -> union.isVariableLength();
            case Alias alias -> alias.shape().isVariableLength() || isVariable(alias.target());
            default -> false;
        };
    }

    static boolean isVariable(ApiType type, FieldShape shape) {
        return shape.isVariableLength() || isVariable(type);
    }

    /** Bytes beyond {@link #minSize(ApiType, FieldShape)} that {@code value} takes; empty when always zero. */
    CodeBlock extraSize(ApiType type, FieldShape shape, CodeBlock value) {
        if (!isVariable(type, shape)) {
            return CodeBlock.of("");
        }
        if (type == BaseType.STRING) {
            return CodeBlock.of("$T.utf8Length($L)", API_WRITER, value);
        }
        if (type == BaseType.U8) {
            return CodeBlock.of("$L.length()", value);
        }
        return switch (shape) {
            case FieldShape.Scalar scalar -> CodeBlock.of("($T.sizeOf($L) - $T.MIN_SIZE)",
                    className((UserType) type), value, className((UserType) type));
            case FieldShape.Counted counted when !isVariable(type) ->
                    CodeBlock.of("$L.size() * $L", value, elementSize(type));
            case FieldShape.Counted counted -> CodeBlock.of("$L.stream().mapToInt($T::sizeOf).sum()",
                    value, className((UserType) type));
            case FieldShape.Fixed fixed -> CodeBlock.of("($L.stream().mapToInt($T::sizeOf).sum() - $L * $T.MIN_SIZE)",
                    value, className((UserType) type), fixed.length(), className((UserType) type));
            case FieldShape.Open open -> throw new GeneratorException("only strings may be declared with []");
        };
    }

    /** One element's size as generated code names it: {@code Type.MIN_SIZE}, or a number for base types. */
    CodeBlock elementSize(ApiType type) {
        return type instanceof UserType user ? CodeBlock.of("$T.MIN_SIZE", className(user))
                : CodeBlock.of("$L", minSize(type));
    }

    /** The element count a counted field's count field holds for {@code value}. */
    static CodeBlock countOf(ApiType type, CodeBlock value) {
        if (type == BaseType.STRING) {
            return CodeBlock.of("$T.utf8Length($L)", API_WRITER, value);
        }
        return CodeBlock.of(type == BaseType.U8 ? "$L.length()" : "$L.size()", value);
    }

    // ---- wire --------------------------------------------------------------------------------

    /** Writes {@code value}; a counted field's count is written separately, at its own field. */
    CodeBlock write(ApiType type, FieldShape shape, CodeBlock value, CodeBlock label) {
        if (type == BaseType.STRING) {
            return switch (shape) {
                case FieldShape.Fixed fixed -> CodeBlock.of("out.fixedString($L, $L, $L);\n", value, fixed.length(), label);
                case FieldShape.Counted counted -> CodeBlock.of("out.countedString($L, $L);\n", value, label);
                default -> CodeBlock.of("out.string($L, $L);\n", value, label);
            };
        }
        if (type == BaseType.U8 && shape instanceof FieldShape.Fixed fixed) {
            return CodeBlock.of("out.fixedBytes($L, $L, $L);\n", value, fixed.length(), label);
        }
        if (type == BaseType.U8 && shape instanceof FieldShape.Counted) {
            return CodeBlock.of("out.bytes($L, $L);\n", value, label);
        }
        return switch (shape) {
            case FieldShape.Scalar scalar -> writeElement(type, value, label);
            case FieldShape.Fixed fixed -> CodeBlock.builder()
                    .addStatement("out.checkLength($L.size(), $L, $L)", value, fixed.length(), label)
                    .add(writeEach(type, value, label))
                    .build();
            case FieldShape.Counted counted -> writeEach(type, value, label);
            case FieldShape.Open open -> throw new GeneratorException("only strings may be declared with []");
        };
    }

    private CodeBlock writeEach(ApiType type, CodeBlock value, CodeBlock label) {
        return CodeBlock.builder()
                .beginControlFlow("for ($T element : $L)", elementType(type), value)
                .add(writeElement(type, CodeBlock.of("element"), label))
                .endControlFlow()
                .build();
    }

    CodeBlock writeElement(ApiType type, CodeBlock value, CodeBlock label) {
        return switch (type) {
            case BaseType base -> CodeBlock.of("out.$L($L, $L);\n", base.keyword(), value, label);
            case TypeDef typeDef -> CodeBlock.of("$T.write($L, out);\n", className(typeDef), value);
            case UserType user -> CodeBlock.of("$T.write($L, out, $L);\n", className(user), value, label);
        };
    }

    /** Declares {@code local} holding the value read; {@code count} names the local holding a counted field's count. */
    CodeBlock read(ApiType type, FieldShape shape, String local, CodeBlock label, String count) {
        TypeName javaType = javaType(type, shape);
        if (type == BaseType.STRING) {
            return switch (shape) {
                case FieldShape.Fixed fixed -> CodeBlock.of("$T $L = in.fixedString($L, $L);\n", javaType, local, fixed.length(), label);
                case FieldShape.Counted counted -> CodeBlock.of("$T $L = in.countedString($L, $L);\n", javaType, local, count, label);
                default -> CodeBlock.of("$T $L = in.string($L);\n", javaType, local, label);
            };
        }
        if (type == BaseType.U8 && shape instanceof FieldShape.Fixed fixed) {
            return CodeBlock.of("$T $L = in.bytes($L, $L);\n", javaType, local, fixed.length(), label);
        }
        if (type == BaseType.U8 && shape instanceof FieldShape.Counted) {
            return CodeBlock.of("$T $L = in.bytes($L, $L);\n", javaType, local, count, label);
        }
        return switch (shape) {
            case FieldShape.Scalar scalar -> CodeBlock.of("$T $L = $L;\n", javaType, local, readElement(type, label));
            case FieldShape.Fixed fixed -> readEach(type, javaType, local, CodeBlock.of("$L", fixed.length()), label);
            case FieldShape.Counted counted -> readEach(type, javaType, local, CodeBlock.of("$L", count), label);
            case FieldShape.Open open -> throw new GeneratorException("only strings may be declared with []");
        };
    }

    private CodeBlock readEach(ApiType type, TypeName javaType, String local, CodeBlock count, CodeBlock label) {
        return CodeBlock.builder()
                .addStatement("$T $L = new $T<>($L)", javaType, local, ARRAY_LIST, count)
                .beginControlFlow("for (int index = 0; index < $L; index++)", count)
                .addStatement("$L.add($L)", local, readElement(type, label))
                .endControlFlow()
                .build();
    }

    CodeBlock readElement(ApiType type, CodeBlock label) {
        return switch (type) {
            case BaseType base -> CodeBlock.of("in.$L($L)", base.keyword(), label);
            case TypeDef typeDef -> CodeBlock.of("$T.read(in)", className(typeDef));
            case UserType user -> CodeBlock.of("$T.read(in, $L)", className(user), label);
        };
    }

    // ---- JSON --------------------------------------------------------------------------------

    /** Writes {@code value} as one JSON value (the member name is written by the caller). */
    CodeBlock writeJson(ApiType type, FieldShape shape, CodeBlock value) {
        if (!isList(type, shape)) {
            return shape instanceof FieldShape.Scalar ? writeJsonElement(type, value)
                    : CodeBlock.of("out.value($L);\n", value);
        }
        return CodeBlock.builder()
                .addStatement("out.beginArray()")
                .beginControlFlow("for ($T element : $L)", elementType(type), value)
                .add(writeJsonElement(type, CodeBlock.of("element")))
                .endControlFlow()
                .addStatement("out.endArray()")
                .build();
    }

    private CodeBlock writeJsonElement(ApiType type, CodeBlock value) {
        return switch (type) {
            case BaseType base when base == BaseType.U64 -> CodeBlock.of("out.unsignedValue($L);\n", value);
            case BaseType base -> CodeBlock.of("out.value($L);\n", value);
            case UserType user -> CodeBlock.of("$T.writeJson($L, out);\n", className(user), value);
        };
    }

    /** Declares {@code local} holding the value read from the JSON value {@code json}. */
    CodeBlock readJson(ApiType type, FieldShape shape, String local, CodeBlock json) {
        TypeName javaType = javaType(type, shape);
        if (!isList(type, shape)) {
            CodeBlock value = shape instanceof FieldShape.Scalar ? readJsonElement(type, json)
                    : CodeBlock.of(type == BaseType.U8 ? "$L.bytes()" : "$L.string()", json);
            return CodeBlock.of("$T $L = $L;\n", javaType, local, value);
        }
        return CodeBlock.builder()
                .addStatement("$T $L = new $T<>()", javaType, local, ARRAY_LIST)
                .beginControlFlow("for ($T element : $L.elements())", JSON_IN, json)
                .addStatement("$L.add($L)", local, readJsonElement(type, CodeBlock.of("element")))
                .endControlFlow()
                .build();
    }

    private CodeBlock readJsonElement(ApiType type, CodeBlock json) {
        return switch (type) {
            case BaseType base -> CodeBlock.of("$L.$L()", json, base.keyword());
            case UserType user -> CodeBlock.of("$T.readJson($L)", className(user), json);
        };
    }
}
