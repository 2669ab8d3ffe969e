package io.vecta.runtime.api;

/**
 * A snapshot of an {@link ApiServer}'s counters, each counted since it started.
 *
 * @param clientsAccepted  connections accepted
 * @param clientsClosed    registrations ended, for any reason; {@code accepted - closed} are open
 * @param clientsCutOff    clients disconnected because their replies piled up unread
 * @param protocolErrors   connections closed because a frame header made no sense (a length
 *                         past the frame limit: garbage)
 * @param truncatedFrames  connections that ended inside a frame
 * @param ioErrors         connections that ended on a socket error (a reset, a broken pipe)
 * @param messagesReceived whole frames received
 * @param messagesHandled  messages a handler ran for
 * @param unknownMessages  messages dropped for an id that has no handler (as VPP drops them)
 * @param shortMessages    messages dropped for being shorter than their fixed part
 * @param handlerErrors    handlers that threw, or whose barrier could not be taken
 * @param repliesDropped   answers never written because their client went (a disconnect
 *                         mid-dump) or was cut off: those still queued and those sent later
 */
public record ApiServerCounters(long clientsAccepted, long clientsClosed, long clientsCutOff, long protocolErrors,
                                long truncatedFrames, long ioErrors, long messagesReceived, long messagesHandled,
                                long unknownMessages, long shortMessages, long handlerErrors, long repliesDropped) {

    /** Registrations open now. */
    public long clientsOpen() {
        return clientsAccepted - clientsClosed;
    }
}
