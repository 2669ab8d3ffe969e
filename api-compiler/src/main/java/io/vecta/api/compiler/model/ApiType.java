package io.vecta.api.compiler.model;

/** What a field can be declared as: a built-in type or a type defined in some {@code .api} file. */
public sealed interface ApiType permits BaseType, UserType {

    /**
     * The type as a field names it: {@code u32} for a built-in type, {@code vl_api_address_t}
     * for a defined one. This is also the text the CRC is computed over.
     */
    String typeName();
}
