package io.vecta.runtime.node;

/**
 * The trace record of a packet that ended in {@code error-drop} or {@code error-punt}: the
 * interface it came in on, as VPP's drop and punt nodes print it, and why it ended there, the
 * reason VPP prints under its {@code drop} and {@code punt} nodes: the node that chose it and
 * the description of the error the buffer carries.
 * <pre>
 * 00:00:01:234599: error-drop
 *   rx:sw_if_index 1
 *   ttl-check: time to live exceeded
 * </pre>
 *
 * @param rxInterface the rx interface, as the thread names interfaces
 * @param reason      the node and error description, or why there is none
 */
public record DropTrace(String rxInterface, String reason) {

    /** Two lines: {@code rx:<interface>} and the reason. */
    public String format() {
        return "rx:" + rxInterface + "\n" + reason;
    }
}
