package com.acme.api.acme;

import io.vecta.sdk.api.ApiCaller;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import javax.annotation.processing.Generated;

/**
 * The services of {@code acme} as methods: one per {@code rpc} of {@code acme.api}, each sending its
 * request through an {@link ApiCaller} (the runtime's {@code ApiConnection} is one), which fills
 * in {@code client_index} and {@code context}: build requests with {@code 0} there.
 */
@Generated(
        value = "io.vecta.sdk.processor.api.ApiModuleProcessor",
        comments = "from acme.api"
)
public final class AcmeServiceClient {
    private final ApiCaller caller;

    public AcmeServiceClient(ApiCaller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
    }

    /**
     * {@code rpc acme_show returns acme_show_reply}:
     * sends the request and waits for its reply.
     */
    public AcmeShowReply acmeShow(AcmeShow request) {
        return caller.call(request, AcmeShowReply.CODEC);
    }

    /**
     * {@code rpc acme_flow_dump returns stream acme_flow_details}:
     * sends the dump and returns every details record it is answered with.
     */
    public List<AcmeFlowDetails> acmeFlowDump(AcmeFlowDump request) {
        return caller.dump(request, AcmeFlowDetails.CODEC);
    }

    /**
     * {@code rpc acme_flow_dump returns stream acme_flow_details}:
     * sends the dump and streams the details as they arrive; close the stream when done.
     */
    public Stream<AcmeFlowDetails> acmeFlowDumpStream(AcmeFlowDump request) {
        return caller.dumpStream(request, AcmeFlowDetails.CODEC);
    }

    /**
     * {@code rpc acme_port_dump returns stream acme_port_details}:
     * sends the dump and returns every details record it is answered with.
     */
    public List<AcmePortDetails> acmePortDump(AcmePortDump request) {
        return caller.dump(request, AcmePortDetails.CODEC);
    }

    /**
     * {@code rpc acme_port_dump returns stream acme_port_details}:
     * sends the dump and streams the details as they arrive; close the stream when done.
     */
    public Stream<AcmePortDetails> acmePortDumpStream(AcmePortDump request) {
        return caller.dumpStream(request, AcmePortDetails.CODEC);
    }

    /**
     * {@code rpc acme_table_get returns acme_table_get_reply stream acme_table_details}:
     * every page of the cursor get as one lazy stream of details; {@code requestAtCursor}
     * makes the request for a cursor (0 first, then each {@code acme_table_get_reply} says where the next
     * page starts). Close the stream when done.
     */
    public Stream<AcmeTableDetails> acmeTableGetAll(
            LongFunction<? extends AcmeTableGet> requestAtCursor) {
        return caller.getAll(requestAtCursor, AcmeTableGetReply.CODEC, AcmeTableDetails.CODEC);
    }

    /**
     * {@code rpc acme_poke returns null}:
     * sends the request and waits for nothing.
     */
    public void acmePoke(AcmePoke request) {
        caller.send(request);
    }
}
