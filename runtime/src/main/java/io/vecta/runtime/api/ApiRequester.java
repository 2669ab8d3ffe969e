package io.vecta.runtime.api;

import java.nio.ByteBuffer;

/**
 * Who sent a request and where its answers go: a socket client ({@link ApiClient}), or a
 * saved trace being replayed, whose answers go nowhere but a count. Handlers see it through
 * {@link ApiReplySink#client()} and need not know which it is.
 */
public interface ApiRequester {

    /** The handle the requester's messages carry in {@code client_index}. */
    int index();

    /** Its name, as given in {@code sockclnt_create}, or what a replay calls itself. */
    String name();

    /**
     * Takes one message for the requester (id at the buffer's position), behind everything sent
     * before; any thread, never waits. The buffer is the requester's from then on.
     *
     * @return whether the message was taken; a requester gone meanwhile drops it
     */
    boolean send(ByteBuffer payload);
}
