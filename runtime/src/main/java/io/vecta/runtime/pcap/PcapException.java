package io.vecta.runtime.pcap;

/** A capture file that cannot be opened or written; the message names the file and the reason. */
public final class PcapException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PcapException(String message, Throwable cause) {
        super(message, cause);
    }
}
