package io.vecta.api.compiler;

import io.vecta.api.compiler.model.Alias;
import io.vecta.api.compiler.model.EnumDef;
import io.vecta.api.compiler.model.EnumEntry;
import io.vecta.api.compiler.model.Field;
import io.vecta.api.compiler.model.FieldShape;
import io.vecta.api.compiler.model.Message;
import io.vecta.api.compiler.model.TypeDef;
import io.vecta.api.compiler.model.Union;
import io.vecta.api.compiler.model.UserType;
import java.util.List;
import java.util.StringJoiner;

/**
 * The text a definition's CRC is taken over: its fields (or enum entries) written the way Python
 * prints a list of lists, which is what VPP's generator hashes.
 *
 * <pre>
 *   u32 context;             ['u32', 'context']
 *   u8 mac[6];               ['u8', 'mac', 6, None]
 *   u8 data[data_len];       ['u8', 'data', 0, 'data_len']
 *   string name[];           ['string', 'name', 0, None]
 *   a message / typedef      [field, field, ...]          options and _vl_msg_id left out
 *   enum                     [['A', 0], ['B', 1]]         backwards-compatible entries left out
 *   alias                    []                           always, whatever it names
 * </pre>
 */
public final class CrcText {

    private CrcText() {
    }

    public static String of(Message message) {
        return fields(message.fields());
    }

    public static String of(UserType type) {
        return switch (type) {
            case TypeDef typeDef -> fields(typeDef.fields());
            case Union union -> fields(union.arms());
            case EnumDef enumDef -> entries(enumDef.entries());
            case Alias ignored -> "[]";
        };
    }

    private static String fields(List<Field> fields) {
        StringJoiner text = new StringJoiner(", ", "[", "]");
        for (Field field : fields) {
            text.add(field(field));
        }
        return text.toString();
    }

    private static String field(Field field) {
        String head = "'" + field.type().typeName() + "', '" + field.name() + "'";
        return switch (field.shape()) {
            case FieldShape.Scalar ignored -> "[" + head + "]";
            case FieldShape.Fixed(int length) -> "[" + head + ", " + length + ", None]";
            case FieldShape.Counted(String lengthField) -> "[" + head + ", 0, '" + lengthField + "']";
            case FieldShape.Open ignored -> "[" + head + ", 0, None]";
        };
    }

    private static String entries(List<EnumEntry> entries) {
        StringJoiner text = new StringJoiner(", ", "[", "]");
        for (EnumEntry entry : entries) {
            if (!entry.backwardsCompatible()) {
                text.add("['" + entry.name() + "', " + entry.value() + "]");
            }
        }
        return text.toString();
    }
}
