package io.vecta.runtime.api;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * memclnt, the bootstrap module: its 28 messages hold ids 1 to 28 in every VPP, so a client can
 * connect before it knows any other id. The socket server answers:
 * <ul>
 *   <li>{@code sockclnt_create} (15): the handshake, answered with the client's handle and the
 *       whole message table;</li>
 *   <li>{@code sockclnt_delete} (17): response 1 for the client's own handle, then the
 *       connection closes; -1 for any other handle (VPP would end that other client);</li>
 *   <li>{@code control_ping} (23): retval 0, the client index echoed and the process id; it
 *       also ends every dump stream, being handled after the dump;</li>
 *   <li>{@code get_first_msg_id} (10): a module's first id by {@code <module>_<file crc>}, or
 *       retval -7 and 0xffff;</li>
 *   <li>{@code api_versions} (12): an empty list, as VPP's;</li>
 *   <li>{@code memclnt_keepalive} (21): retval 0;</li>
 *   <li>{@code get_api_json} (27): the {@code .api.json} documents of the modules that carry one, as a JSON array.</li>
 * </ul>
 * The shared-memory messages ({@code memclnt_create}, {@code sock_init_shm}, ...) are in the
 * table but not handled over the socket. All handlers touch only the server's own state, so
 * they are mp-safe, as in VPP.
 */
public final class Memclnt {

    /** The module's name. */
    public static final String MODULE = "memclnt";
    /** The CRC of {@code memclnt.api}. */
    public static final int FILE_CRC = 0xb197c551;

    /** {@code sockclnt_create}: fixed in every VPP, the one id clients know before the handshake. */
    public static final int SOCKCLNT_CREATE = 15;
    /** {@code sockclnt_create_reply}. */
    public static final int SOCKCLNT_CREATE_REPLY = 16;

    /** VPP's "invalid value" error, for a module that is not registered. */
    public static final int INVALID_VALUE = -7;

    private static final int PID = (int) ProcessHandle.current().pid();

    private Memclnt() {
    }

    /** The module with its 28 messages in file order, and the socket server's handlers. */
    static ApiModule module() {
        return ApiModule.builder(MODULE, FILE_CRC)
                .message(ApiMessage.sent("memclnt_create", 0x9c5e1c2f))
                .message(ApiMessage.sent("memclnt_create_reply", 0x42ec4560))
                .message(ApiMessage.sent("memclnt_delete", 0x7e1c04e3))
                .message(ApiMessage.sent("memclnt_delete_reply", 0x3d3b6312))
                .message(ApiMessage.sent("rx_thread_exit", 0xc3a3a452))
                .message(ApiMessage.sent("memclnt_rx_thread_suspend", 0xc3a3a452))
                .message(ApiMessage.sent("memclnt_read_timeout", 0xc3a3a452))
                .message(ApiMessage.sent("rpc_call", 0x7e8a2c95))
                .message(ApiMessage.sent("rpc_call_reply", 0xe8d4e804))
                .message(ApiMessage.request("get_first_msg_id", 0xebf79a66, MemclntCodec.GET_FIRST_MSG_ID_BYTES,
                        Memclnt::getFirstMsgId).asMpSafe())
                .message(ApiMessage.sent("get_first_msg_id_reply", 0x7d337472))
                .message(ApiMessage.request("api_versions", 0x51077d14, ApiFrame.REQUEST_HEADER_BYTES,
                        Memclnt::apiVersions).asMpSafe())
                .message(ApiMessage.sent("api_versions_reply", 0x5f0d99d6))
                .message(ApiMessage.sent("trace_plugin_msg_ids", 0xf476d3ce))
                .message(new ApiMessage("sockclnt_create", 0x455fb9c4, MemclntCodec.SOCKCLNT_CREATE_BYTES,
                        MemclntCodec.SOCKCLNT_CREATE_CONTEXT, true, Optional.of(Memclnt::sockclntCreate)))
                .message(ApiMessage.sent("sockclnt_create_reply", 0x35166268))
                .message(ApiMessage.request("sockclnt_delete", 0x8ac76db6, MemclntCodec.SOCKCLNT_DELETE_BYTES,
                        Memclnt::sockclntDelete).asMpSafe())
                .message(ApiMessage.sent("sockclnt_delete_reply", 0x8f38b1ee))
                .message(ApiMessage.sent("sock_init_shm", 0x51646d92))
                .message(ApiMessage.sent("sock_init_shm_reply", 0xe8d4e804))
                .message(ApiMessage.request("memclnt_keepalive", 0x51077d14, ApiFrame.REQUEST_HEADER_BYTES,
                        Memclnt::keepalive).asMpSafe())
                .message(ApiMessage.sent("memclnt_keepalive_reply", 0xe8d4e804))
                .message(ApiMessage.request("control_ping", 0x51077d14, ApiFrame.REQUEST_HEADER_BYTES,
                        Memclnt::controlPing).asMpSafe())
                .message(ApiMessage.sent("control_ping_reply", 0xf6b0b8ca))
                .message(ApiMessage.sent("memclnt_create_v2", 0xc4bd4882))
                .message(ApiMessage.sent("memclnt_create_v2_reply", 0x42ec4560))
                .message(ApiMessage.request("get_api_json", 0x51077d14, ApiFrame.REQUEST_HEADER_BYTES,
                        Memclnt::getApiJson).asMpSafe())
                .message(ApiMessage.sent("get_api_json_reply", 0xea715b59))
                .build();
    }

    /**
     * Names the client and sends it its handle and the table. The reply carries its context at
     * offset 6, behind a {@code client_index}, unlike every other reply, so it is written
     * here rather than stamped by the sink.
     */
    private static void sockclntCreate(ByteBuffer request, ApiReplySink replies) {
        ApiClient client = replies.client();
        client.setName(MemclntCodec.sockclntCreateName(request));
        client.send(MemclntCodec.sockclntCreateReply(SOCKCLNT_CREATE_REPLY, replies.context(), client.index(),
                replies.table().ids()));
    }

    private static void sockclntDelete(ByteBuffer request, ApiReplySink replies) {
        ApiClient client = replies.client();
        boolean own = MemclntCodec.sockclntDeleteIndex(request) == client.index();
        replies.reply(MemclntCodec.retvalReply(id(replies, "sockclnt_delete_reply", 0x8f38b1ee), own ? 1 : -1));
        if (own) {
            client.closeAfterQueued();
        }
    }

    private static void controlPing(ByteBuffer request, ApiReplySink replies) {
        replies.reply(MemclntCodec.controlPingReply(id(replies, "control_ping_reply", 0xf6b0b8ca),
                MemclntCodec.clientIndex(request), PID));
    }

    private static void getFirstMsgId(ByteBuffer request, ApiReplySink replies) {
        Optional<Integer> first = replies.table().firstId(MemclntCodec.getFirstMsgIdName(request));
        replies.reply(MemclntCodec.getFirstMsgIdReply(id(replies, "get_first_msg_id_reply", 0x7d337472),
                first.isPresent() ? 0 : INVALID_VALUE, first.orElse(0xffff)));
    }

    private static void apiVersions(ByteBuffer request, ApiReplySink replies) {
        replies.reply(MemclntCodec.apiVersionsReply(id(replies, "api_versions_reply", 0x5f0d99d6)));
    }

    private static void keepalive(ByteBuffer request, ApiReplySink replies) {
        replies.reply(MemclntCodec.retvalReply(id(replies, "memclnt_keepalive_reply", 0xe8d4e804), 0));
    }

    private static void getApiJson(ByteBuffer request, ApiReplySink replies) {
        String json = replies.table().modules().stream().flatMap(m -> m.apiJson().stream())
                .collect(Collectors.joining(",", "[", "]"));
        replies.reply(MemclntCodec.getApiJsonReply(id(replies, "get_api_json_reply", 0xea715b59), json));
    }

    private static int id(ApiReplySink replies, String name, int crc) {
        return replies.table().idOf(name, crc);
    }
}
