package io.vecta.sdk.cli;

import java.util.Collection;

/**
 * The names that exist in the runtime, for {@link CliInput} to check interface and node names
 * against as it reads them, and to suggest the nearest when one is mistyped. The runtime
 * gives one to the input of every command; an input without one reads any word as a name and
 * leaves checking to the command.
 */
public interface CliNames {

    /** The names of the interfaces that exist now. */
    Collection<String> interfaceNames();

    /** The names of the graph's nodes. */
    Collection<String> nodeNames();
}
