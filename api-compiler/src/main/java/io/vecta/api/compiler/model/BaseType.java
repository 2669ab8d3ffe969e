package io.vecta.api.compiler.model;

import java.util.Optional;

/**
 * The language's built-in types with their wire sizes in bytes. {@code string} is only ever an
 * array: {@code string name[64]} is a fixed buffer, {@code string name[]} a length-prefixed one.
 */
public enum BaseType implements ApiType {
    U8("u8", 1, true),
    U16("u16", 2, true),
    U32("u32", 4, true),
    U64("u64", 8, true),
    I8("i8", 1, true),
    I16("i16", 2, true),
    I32("i32", 4, true),
    I64("i64", 8, true),
    F64("f64", 8, false),
    BOOL("bool", 1, false),
    STRING("string", 1, false);

    private final String keyword;
    private final int size;
    private final boolean integer;

    BaseType(String keyword, int size, boolean integer) {
        this.keyword = keyword;
        this.size = size;
        this.integer = integer;
    }

    /** The keyword as written in a {@code .api} file. */
    public String keyword() {
        return keyword;
    }

    /** Bytes of one element on the wire. */
    public int size() {
        return size;
    }

    /** Whether the type is a whole number, as array length fields must be. */
    public boolean isInteger() {
        return integer;
    }

    @Override
    public String typeName() {
        return keyword;
    }

    /** The base type written as {@code keyword}, if it is one. */
    public static Optional<BaseType> byKeyword(String keyword) {
        for (BaseType type : values()) {
            if (type.keyword.equals(keyword)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
