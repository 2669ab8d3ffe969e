package io.vecta.sdk.api;

import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.Stream;

/**
 * What a client of the binary API does with a request: the exchanges VPP's services define, one
 * method each. The generated {@code <Module>ServiceClient} classes call it, one typed method per
 * {@code rpc} of their {@code .api} file; the runtime's socket connection implements it.
 *
 * <pre>
 *   rpc X returns X_reply;                          call(x, XReply.CODEC)
 *   rpc X_dump returns stream X_details;            dump / dumpStream(x, XDetails.CODEC)
 *   rpc X_get returns X_get_reply stream X_details; getAll(cursor -&gt; x, XGetReply.CODEC, XDetails.CODEC)
 *   rpc X returns null;                             send(x)
 * </pre>
 * The implementation fills in each request's {@code client_index} and {@code context}: callers
 * build requests with {@code 0} there.
 */
public interface ApiCaller {

    /** Sends {@code request} and waits for its reply, which must be of {@code replyCodec}'s type. */
    <R extends ApiMessage> R call(ApiMessage request, MessageCodec<R> replyCodec);

    /** Sends a dump request and returns every details record it is answered with. */
    <D extends ApiMessage> List<D> dump(ApiMessage request, MessageCodec<D> detailsCodec);

    /** Sends a dump request and streams its details as they arrive; close the stream when done. */
    <D extends ApiMessage> Stream<D> dumpStream(ApiMessage request, MessageCodec<D> detailsCodec);

    /**
     * Every page of a cursor get ({@code X_get} with a {@code u32 cursor}, answered by details and
     * an {@code X_get_reply} with {@code retval} and {@code cursor}) as one lazy stream of
     * details: the first request with cursor 0, each next one from the cursor the reply gives
     * while it says {@link ApiErrors#EAGAIN}.
     */
    <D extends ApiMessage, R extends ApiMessage> Stream<D> getAll(LongFunction<? extends ApiMessage> requestAt,
                                                                 MessageCodec<R> replyCodec,
                                                                 MessageCodec<D> detailsCodec);

    /**
     * Sends {@code message} without waiting for anything: for requests their service answers with
     * nothing ({@code returns null}). Returns the context it was sent with.
     */
    int send(ApiMessage message);
}
