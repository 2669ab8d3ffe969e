package io.vecta.api.compiler;

import io.vecta.api.compiler.model.Alias;
import io.vecta.api.compiler.model.ApiType;
import io.vecta.api.compiler.model.BaseType;
import io.vecta.api.compiler.model.EnumDef;
import io.vecta.api.compiler.model.Field;
import io.vecta.api.compiler.model.FieldShape;
import io.vecta.api.compiler.model.OptionValue;
import io.vecta.api.compiler.model.Union;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules a block of fields (a define, struct typedef or union) must keep as a whole: names
 * declared once, length fields that are earlier integer fields, variable-length fields last, and
 * tagged unions whose arms are each a distinct case of the tag's enum.
 */
final class BlockChecks {

    private final LoadSession session;

    BlockChecks(LoadSession session) {
        this.session = session;
    }

    void check(String owner, List<Field> fields) {
        Map<String, Field> earlier = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            Field sameName = earlier.get(field.name());
            if (sameName != null) {
                session.error(field.position(), owner + ": field '" + field.name() + "' is already declared at "
                        + sameName.position());
            }
            if (field.shape() instanceof FieldShape.Counted(String lengthField)) {
                checkLengthField(owner, field, lengthField, earlier.get(lengthField));
            }
            if (field.options().containsKey("discriminator")) {
                checkTaggedUnion(owner, field, earlier);
            }
            if (field.isVariableLength() && i + 1 < fields.size()) {
                session.error(field.position(), owner + ": variable-length field '" + field.name()
                        + "' must be the last field");
            }
            earlier.putIfAbsent(field.name(), field);
        }
    }

    private void checkLengthField(String owner, Field field, String lengthField, Field length) {
        if (length == null) {
            session.error(field.position(), owner + ": length field '" + lengthField + "' of '" + field.name()
                    + "' must be a field declared before it");
            return;
        }
        if (!(length.shape() instanceof FieldShape.Scalar) || !isInteger(length.type())) {
            session.error(field.position(), owner + ": length field '" + lengthField + "' of '" + field.name()
                    + "' must be an integer scalar, not " + describe(length));
        }
    }

    private static boolean isInteger(ApiType type) {
        return switch (type) {
            case BaseType base -> base.isInteger();
            case Alias alias -> alias.shape() instanceof FieldShape.Scalar && isInteger(alias.target());
            default -> false;
        };
    }

    private static String describe(Field field) {
        return switch (field.shape()) {
            case FieldShape.Scalar ignored -> "'" + field.type().typeName() + "'";
            case FieldShape.Fixed(int n) -> "the array '" + field.type().typeName() + "[" + n + "]'";
            case FieldShape.Counted(String n) -> "the array '" + field.type().typeName() + "[" + n + "]'";
            case FieldShape.Open ignored -> "the array '" + field.type().typeName() + "[]'";
        };
    }

    /** {@code vl_api_address_union_t un[discriminator=af];}: the union's arms must each be a distinct case of af's enum. */
    private void checkTaggedUnion(String owner, Field field, Map<String, Field> earlier) {
        String where = owner + ": field '" + field.name() + "'";
        if (!(field.options().get("discriminator") instanceof OptionValue.Name(String tagName))) {
            session.error(field.position(), where + ": [discriminator=...] must name an earlier field");
            return;
        }
        Field tag = earlier.get(tagName);
        if (tag == null || !(tag.shape() instanceof FieldShape.Scalar)) {
            session.error(field.position(), where + ": discriminator '" + tagName
                    + "' must be a scalar field declared before it");
            return;
        }
        if (!(tag.type() instanceof EnumDef tagEnum)) {
            session.error(field.position(), where + ": discriminator '" + tagName + "' must have an enum type, not '"
                    + tag.type().typeName() + "'");
            return;
        }
        if (!(field.type() instanceof Union union)) {
            session.error(field.position(), where + ": [discriminator=...] is only for union-typed fields, not '"
                    + field.type().typeName() + "'");
            return;
        }
        Map<String, Field> armByCase = new HashMap<>();
        for (Field arm : union.arms()) {
            OptionValue caseValue = arm.options().get("case");
            String armWhere = "union '" + union.name() + "' arm '" + arm.name() + "'";
            if (!(caseValue instanceof OptionValue.Name(String caseName))) {
                session.error(arm.position(), armWhere + " needs [case=<entry of " + tagEnum.typeName()
                        + ">] because '" + field.name() + "' in " + owner + " is tagged by '" + tagName + "'");
                continue;
            }
            if (tagEnum.entries().stream().noneMatch(entry -> entry.name().equals(caseName))) {
                session.error(arm.position(), armWhere + ": case '" + caseName + "' is not an entry of "
                        + tagEnum.typeName());
                continue;
            }
            Field same = armByCase.putIfAbsent(caseName, arm);
            if (same != null) {
                session.error(arm.position(), armWhere + ": case '" + caseName + "' is already taken by arm '"
                        + same.name() + "'");
            }
        }
    }
}
