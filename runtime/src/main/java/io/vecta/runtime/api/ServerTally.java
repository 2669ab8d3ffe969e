package io.vecta.runtime.api;

import java.util.concurrent.atomic.AtomicLong;

/** The live counters behind {@link ApiServerCounters}, bumped by any client's threads. */
final class ServerTally {

    final AtomicLong clientsAccepted = new AtomicLong();
    final AtomicLong clientsClosed = new AtomicLong();
    final AtomicLong clientsCutOff = new AtomicLong();
    final AtomicLong protocolErrors = new AtomicLong();
    final AtomicLong truncatedFrames = new AtomicLong();
    final AtomicLong ioErrors = new AtomicLong();
    final AtomicLong messagesReceived = new AtomicLong();
    final AtomicLong messagesHandled = new AtomicLong();
    final AtomicLong unknownMessages = new AtomicLong();
    final AtomicLong shortMessages = new AtomicLong();
    final AtomicLong handlerErrors = new AtomicLong();
    final AtomicLong repliesDropped = new AtomicLong();

    ApiServerCounters snapshot() {
        return new ApiServerCounters(clientsAccepted.get(), clientsClosed.get(), clientsCutOff.get(),
                protocolErrors.get(), truncatedFrames.get(), ioErrors.get(), messagesReceived.get(),
                messagesHandled.get(), unknownMessages.get(), shortMessages.get(), handlerErrors.get(),
                repliesDropped.get());
    }
}
