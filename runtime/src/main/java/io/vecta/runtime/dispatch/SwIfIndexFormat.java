package io.vecta.runtime.dispatch;

/**
 * How trace records name an interface given its {@code sw_if_index}: {@code pg0} where an
 * interface table knows the name, {@code sw_if_index 1} where none does. Called on the dispatch
 * thread that takes the record, so a lookup must be safe for it to read without locks.
 */
@FunctionalInterface
public interface SwIfIndexFormat {

    /** Names interfaces by number: {@code sw_if_index 1}. */
    SwIfIndexFormat NUMBERS = swIfIndex -> "sw_if_index " + Integer.toUnsignedString(swIfIndex);

    /** The name of interface {@code swIfIndex}. */
    String format(int swIfIndex);
}
