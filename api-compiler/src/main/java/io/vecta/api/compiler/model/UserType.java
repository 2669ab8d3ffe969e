package io.vecta.api.compiler.model;

/**
 * A type defined in a {@code .api} file. Fields refer to it by its C name
 * {@code vl_api_<name>_t}; it is visible to everything parsed after it in the same load.
 */
public sealed interface UserType extends ApiType, Definition permits TypeDef, EnumDef, Union, Alias {

    /** The name as written after {@code typedef}, {@code enum} or {@code union}. */
    String name();

    @Override
    default String typeName() {
        return cName(name());
    }

    /** The name fields use for a type called {@code name}. */
    static String cName(String name) {
        return "vl_api_" + name + "_t";
    }
}
