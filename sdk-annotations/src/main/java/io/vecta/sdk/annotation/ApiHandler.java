package io.vecta.sdk.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an instance method as the handler of one binary-API request: VPP's
 * {@code vl_api_X_t_handler}. The method takes the request's generated record (see
 * {@link ApiModule}) and answers it in the shape the {@code .api} file's service gives it:
 * <pre>{@code
 * rpc X returns X_reply;                           XReply x(X request)
 * rpc X_dump returns stream X_details;             List<XDetails> xDump(XDump request)
 *                                                  (or Iterable<XDetails>, or Stream<XDetails>)
 * rpc X_get returns X_get_reply stream X_details;  void xGet(XGet request, ApiReplies replies)
 * rpc X returns null;                              void x(X request)
 * }</pre>
 * Services without a {@code service} block follow the names: {@code X} is answered by
 * {@code X_reply}, {@code X_dump} by a stream of {@code X_details}. The two-parameter shape,
 * {@code void x(X request, io.vecta.sdk.api.ApiReplies replies)}, fits every service: the method
 * sends details and the reply itself; it is the one shape for {@code X_get} with a cursor,
 * whose details are followed by a reply that carries the next cursor.
 *
 * <p>The request's {@code context} is copied into every answer by the server, whatever the
 * record holds, so a handler may build its reply with {@code 0} as context. The answers of a
 * {@code _dump} need no end marker: the {@code control_ping} a client sends behind it closes the
 * stream. A returned {@code Stream} is closed once it is sent.
 *
 * <p>The processor checks each method against the request's service (parameters, return type,
 * one handler per message in a class) and writes, for every class with such methods, a
 * {@code <Class>_ApiHandlers} class in the same package whose {@code bind(instance)} gives one
 * {@code io.vecta.sdk.api.ApiHandlerBinding} per method: the request's codec, whether it is
 * {@link #mpSafe()}, and a handler that decodes the request, calls the method on the instance
 * and encodes what it returns. No reflection is involved at run time. The method may not be
 * private or static, nor declare checked exceptions; an exception it throws is logged and
 * counted by the server and the client gets no answer.
 *
 * <pre>{@code
 * public final class AcmeApi {
 *     private final AcmeTable table;
 *
 *     @ApiHandler
 *     AcmeShowReply acmeShow(AcmeShow request) {
 *         return new AcmeShowReply(0, 0, table.label(request.name()));
 *     }
 *
 *     @ApiHandler
 *     Stream<AcmeFlowDetails> acmeFlowDump(AcmeFlowDump request) {
 *         return table.flows().map(flow -> new AcmeFlowDetails(0, flow.id(), flow.packets()));
 *     }
 * }
 *
 * // where the server's modules are built:
 * ApiModule.fromCodecs(AcmeModule.NAME, AcmeModule.FILE_CRC, AcmeModule.MESSAGES,
 *         AcmeApi_ApiHandlers.bind(new AcmeApi(table)));
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface ApiHandler {

    /**
     * Whether the handler may run while the workers dispatch packets (VPP's {@code is_mp_safe}):
     * it touches only state that is safe for concurrent readers. By default the workers are
     * stopped at the barrier while it runs, so it may change anything.
     */
    boolean mpSafe() default false;
}
