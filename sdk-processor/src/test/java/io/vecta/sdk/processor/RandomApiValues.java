package io.vecta.sdk.processor;

import io.vecta.api.compiler.model.Alias;
import io.vecta.api.compiler.model.ApiFile;
import io.vecta.api.compiler.model.ApiType;
import io.vecta.api.compiler.model.BaseType;
import io.vecta.api.compiler.model.EnumDef;
import io.vecta.api.compiler.model.Field;
import io.vecta.api.compiler.model.FieldShape;
import io.vecta.api.compiler.model.Message;
import io.vecta.api.compiler.model.TypeDef;
import io.vecta.api.compiler.model.Union;
import io.vecta.api.compiler.model.UserType;
import io.vecta.sdk.processor.api.ApiJavaWriter;
import io.vecta.sdk.api.ApiBytes;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random values of generated classes, built from the {@code .api} model (which tells a
 * {@code u8} from an {@code i32} where both are Java {@code int}s) through the records'
 * canonical constructors. Test code only: generated code itself never uses reflection.
 */
final class RandomApiValues {

    private static final String TEXT = "abcdefghijklmnopqrstuvwxyzABC0123456789 -_./:é€";

    private final ApiCorpus corpus;
    private final ApiFile file;
    private final Random random;

    RandomApiValues(ApiCorpus corpus, ApiFile file, Random random) {
        this.corpus = corpus;
        this.file = file;
        this.random = random;
    }

    Object message(Message message) {
        Class<?> type = corpus.load(corpus.writer.messageClass(file, message).reflectionName());
        return record(type, message.fields());
    }

    private Object record(Class<?> type, List<Field> fields) {
        Set<String> counts = new HashSet<>();
        for (Field field : fields) {
            if (field.shape() instanceof FieldShape.Counted counted) {
                counts.add(counted.lengthField());
            }
        }
        List<Object> values = new ArrayList<>();
        for (Field field : fields) {
            if (!counts.contains(field.name())) {
                values.add(value(field.type(), field.shape()));
            }
        }
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values.toArray());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot build " + type.getName() + " from " + values, e);
        }
    }

    Object value(ApiType type, FieldShape shape) {
        if (type == BaseType.STRING) {
            return switch (shape) {
                case FieldShape.Fixed fixed -> text(fixed.length() - 1);
                default -> text(24);
            };
        }
        if (type == BaseType.U8 && !(shape instanceof FieldShape.Scalar)) {
            int length = shape instanceof FieldShape.Fixed fixed ? fixed.length() : random.nextInt(20);
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            return ApiBytes.of(bytes);
        }
        return switch (shape) {
            case FieldShape.Scalar scalar -> element(type);
            case FieldShape.Fixed fixed -> list(type, fixed.length());
            case FieldShape.Counted counted -> list(type, random.nextInt(4));
            case FieldShape.Open open -> throw new AssertionError("only strings are open");
        };
    }

    private List<Object> list(ApiType type, int length) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            list.add(element(type));
        }
        return list;
    }

    private Object element(ApiType type) {
        return switch (type) {
            case BaseType base -> base(base);
            case UserType user -> user(user);
        };
    }

    private Object base(BaseType base) {
        return switch (base) {
            case U8 -> random.nextInt(0x100);
            case U16 -> random.nextInt(0x10000);
            case U32 -> random.nextLong(0x1_0000_0000L);
            case U64, I64 -> random.nextLong();
            case I8 -> (byte) random.nextInt();
            case I16 -> (short) random.nextInt();
            case I32 -> random.nextInt();
            case F64 -> switch (random.nextInt(8)) {
                case 0 -> Double.NaN;
                case 1 -> Double.NEGATIVE_INFINITY;
                case 2 -> -0.0;
                case 3 -> Double.MIN_VALUE;
                default -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(30));
            };
            case BOOL -> random.nextBoolean();
            case STRING -> throw new AssertionError("strings are arrays");
        };
    }

    private Object user(UserType type) {
        Class<?> javaType = corpus.load(corpus.writer.typeClass(file, type).reflectionName());
        try {
            return switch (type) {
                case TypeDef typeDef -> record(javaType, typeDef.fields());
                case Alias alias -> javaType.getRecordComponents().length == 1
                        ? javaType.getDeclaredConstructor(javaType.getRecordComponents()[0].getType())
                                .newInstance(value(alias.target(), alias.shape()))
                        : null;
                case EnumDef enumDef when ApiJavaWriter.isFlagSet(enumDef) -> javaType.getDeclaredConstructor(long.class)
                        .newInstance(random.nextLong(1L << (8 * enumDef.base().size() - 1)));
                case EnumDef enumDef -> {
                    Object[] constants = javaType.getEnumConstants();
                    yield constants[random.nextInt(constants.length)];
                }
                case Union union -> {
                    Field arm = union.arms().get(random.nextInt(union.arms().size()));
                    Method of = null;
                    String wanted = "of" + camel(arm.name());
                    for (Method method : javaType.getMethods()) {
                        if (method.getName().equals(wanted)) {
                            of = method;
                        }
                    }
                    if (of == null) {
                        throw new AssertionError(javaType.getName() + " has no " + wanted);
                    }
                    yield of.invoke(null, value(arm.type(), arm.shape()));
                }
            };
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot build " + javaType.getName(), e);
        }
    }

    private String text(int maxBytes) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(Math.min(maxBytes, 30) + 1);
        int bytes = 0;
        for (int i = 0; i < length; i++) {
            char c = TEXT.charAt(random.nextInt(TEXT.length()));
            int size = c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            text.append(c);
        }
        return text.toString();
    }

    private static String camel(String name) {
        StringBuilder result = new StringBuilder();
        for (String part : name.split("_")) {
            if (!part.isEmpty()) {
                result.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return result.toString();
    }
}
