package io.vecta.api.compiler.model;

/**
 * {@code import "vnet/ip/ip_types.api";}
 *
 * @param path as written, relative to an include directory
 * @param file the imported file, loaded in the same type namespace; a file imported twice in one
 *     load is the same object both times
 */
public record Import(String path, ApiFile file, SourcePosition position) implements Definition {
}
