package io.vecta.runtime.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A saved API trace that cannot be read to its end: not a trace, another format version,
 * cut short, or damaged. The message names the file, the record and the offset; the records
 * before the damage are kept for a reader that wants to show them.
 */
public final class ApiTraceFileException extends IOException {

    private final String reason;
    private final transient List<ApiTrace.Entry> readable;

    ApiTraceFileException(Path file, String reason, List<ApiTrace.Entry> readable) {
        super("api trace file " + file + ": " + reason);
        this.reason = reason;
        this.readable = List.copyOf(readable);
    }

    /** What is wrong, without the file's name. */
    public String reason() {
        return reason;
    }

    /** The whole records before the damage, in file order. */
    public List<ApiTrace.Entry> readable() {
        return readable;
    }
}
