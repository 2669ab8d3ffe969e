package com.acme;

import com.acme.api.acme.AcmeFlowDetails;
import com.acme.api.acme.AcmeFlowDump;
import com.acme.api.acme.AcmePoke;
import com.acme.api.acme.AcmePortDetails;
import com.acme.api.acme.AcmePortDump;
import com.acme.api.acme.AcmeShow;
import com.acme.api.acme.AcmeShowReply;
import com.acme.api.acme.AcmeTableGet;
import io.vecta.sdk.api.ApiHandlerBinding;
import io.vecta.sdk.api.ApiReplies;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import javax.annotation.processing.Generated;

/**
 * The binary-API handlers of {@link AcmeApi}: its {@code @ApiHandler} methods bound to the requests they answer.
 */
@Generated(
        value = "io.vecta.sdk.processor.api.ApiHandlerProcessor",
        comments = "from com.acme.AcmeApi"
)
public final class AcmeApi_ApiHandlers {
    private AcmeApi_ApiHandlers() {
    }

    /**
     * One binding per {@code @ApiHandler} method of {@code handlers}, in declaration order; each calls the method on {@code handlers}.
     */
    public static List<ApiHandlerBinding> bind(AcmeApi handlers) {
        Objects.requireNonNull(handlers, "handlers");
        return List.of(
                new ApiHandlerBinding(AcmeShow.CODEC, false, (request, replies) -> onAcmeShow(handlers, request, replies)),
                new ApiHandlerBinding(AcmeFlowDump.CODEC, true, (request, replies) -> onAcmeFlowDump(handlers, request, replies)),
                new ApiHandlerBinding(AcmePortDump.CODEC, false, (request, replies) -> onAcmePortDump(handlers, request, replies)),
                new ApiHandlerBinding(AcmeTableGet.CODEC, false, (request, replies) -> onAcmeTableGet(handlers, request, replies)),
                new ApiHandlerBinding(AcmePoke.CODEC, false, (request, replies) -> onAcmePoke(handlers, request, replies)));
    }

    /**
     * {@code acme_show} → {@link AcmeApi#acmeShow}.
     */
    private static void onAcmeShow(AcmeApi handlers, ByteBuffer request, ApiReplies replies) {
        AcmeShowReply reply = handlers.acmeShow(AcmeShow.CODEC.decodeRequest(request));
        replies.reply(Objects.requireNonNull(reply, "AcmeApi.acmeShow returned null for acme_show"));
    }

    /**
     * {@code acme_flow_dump} → {@link AcmeApi#acmeFlowDump}.
     */
    private static void onAcmeFlowDump(AcmeApi handlers, ByteBuffer request, ApiReplies replies) {
        Stream<AcmeFlowDetails> details = handlers.acmeFlowDump(AcmeFlowDump.CODEC.decodeRequest(request));
        Objects.requireNonNull(details, "AcmeApi.acmeFlowDump returned null for acme_flow_dump");
        try (details) {
            details.forEachOrdered(replies::details);
        }
    }

    /**
     * {@code acme_port_dump} → {@link AcmeApi#acmePortDump}.
     */
    private static void onAcmePortDump(AcmeApi handlers, ByteBuffer request, ApiReplies replies) {
        List<AcmePortDetails> details = handlers.acmePortDump(AcmePortDump.CODEC.decodeRequest(request));
        Objects.requireNonNull(details, "AcmeApi.acmePortDump returned null for acme_port_dump");
        for (AcmePortDetails one : details) {
            replies.details(one);
        }
    }

    /**
     * {@code acme_table_get} → {@link AcmeApi#acmeTableGet}.
     */
    private static void onAcmeTableGet(AcmeApi handlers, ByteBuffer request, ApiReplies replies) {
        handlers.acmeTableGet(AcmeTableGet.CODEC.decodeRequest(request), replies);
    }

    /**
     * {@code acme_poke} → {@link AcmeApi#acmePoke}.
     */
    private static void onAcmePoke(AcmeApi handlers, ByteBuffer request, ApiReplies replies) {
        handlers.acmePoke(AcmePoke.CODEC.decodeRequest(request));
    }
}
