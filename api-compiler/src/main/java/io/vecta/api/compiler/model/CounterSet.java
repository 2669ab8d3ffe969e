package io.vecta.api.compiler.model;

import java.util.List;

/** {@code counters name { counter { severity ..; type ..; units ".."; description ".."; }; ... };} */
public record CounterSet(String name, List<Counter> counters, SourcePosition position) implements Definition {

    public CounterSet {
        counters = List.copyOf(counters);
    }

    /**
     * One counter; an attribute that is not written is the empty string.
     *
     * @param severity {@code info}, {@code warn} or {@code error}
     * @param type {@code counter64} and the like
     */
    public record Counter(String name, String severity, String type, String units, String description,
            SourcePosition position) {
    }
}
