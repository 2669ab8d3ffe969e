package io.vecta.api.compiler.model;

import java.util.List;

/**
 * {@code enum name : u8 { A = 0, B, };} or {@code enumflag name : u32 { X = 1, Y = 2, };}.
 *
 * @param flags {@code true} for an {@code enumflag}: every value has at most one bit set
 * @param base the wire type, {@code u32} when none is written
 */
public record EnumDef(String name, boolean flags, BaseType base, List<EnumEntry> entries, SourcePosition position)
        implements UserType {

    public EnumDef {
        entries = List.copyOf(entries);
    }

    /** The keyword it was declared with. */
    public String keyword() {
        return flags ? "enumflag" : "enum";
    }
}
