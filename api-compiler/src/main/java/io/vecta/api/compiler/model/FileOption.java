package io.vecta.api.compiler.model;

/** A file-level {@code option name = value;}, such as {@code option version = "3.0.0";}. */
public record FileOption(String name, OptionValue value, SourcePosition position) implements Definition {
}
