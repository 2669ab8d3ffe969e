package io.vecta.runtime.ip4;

import io.vecta.sdk.annotation.ErrorCounter;
import io.vecta.sdk.annotation.Severity;

/**
 * Why {@code ip4-arp} and {@code ip4-glean} dropped a packet, VPP's reasons: each packet that
 * reaches them is dropped, counted under what became of the ARP request it asked for.
 */
enum Ip4ArpError {
    @ErrorCounter(description = "ARP requests throttled", severity = Severity.INFO)
    THROTTLED,
    @ErrorCounter(description = "ARP requests resolved", severity = Severity.INFO)
    RESOLVED,
    @ErrorCounter(description = "ARP requests out of buffer", severity = Severity.ERROR)
    NO_BUFFERS,
    @ErrorCounter(description = "ARP requests sent", severity = Severity.INFO)
    REQUEST_SENT,
    @ErrorCounter(description = "no source address for ARP request", severity = Severity.ERROR)
    NO_SOURCE_ADDRESS
}
