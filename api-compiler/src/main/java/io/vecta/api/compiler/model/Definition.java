package io.vecta.api.compiler.model;

/** One top-level statement of a {@code .api} file, in the order the file lists them. */
public sealed interface Definition permits UserType, Message, Import, FileOption, ServiceBlock, CounterSet, PathSet {

    /** Where the statement starts. */
    SourcePosition position();
}
