package io.vecta.runtime.api;

import io.vecta.runtime.api.core.memclnt.ApiVersionsReply;
import io.vecta.runtime.api.core.memclnt.ControlPing;
import io.vecta.runtime.api.core.memclnt.ControlPingReply;
import io.vecta.runtime.api.core.memclnt.GetApiJsonReply;
import io.vecta.runtime.api.core.memclnt.GetFirstMsgId;
import io.vecta.runtime.api.core.memclnt.GetFirstMsgIdReply;
import io.vecta.runtime.api.core.memclnt.MemclntKeepaliveReply;
import io.vecta.runtime.api.core.memclnt.MemclntModule;
import io.vecta.runtime.api.core.memclnt.MessageTableEntry;
import io.vecta.runtime.api.core.memclnt.SockclntCreate;
import io.vecta.runtime.api.core.memclnt.SockclntCreateReply;
import io.vecta.runtime.api.core.memclnt.SockclntDelete;
import io.vecta.runtime.api.core.memclnt.SockclntDeleteReply;
import io.vecta.sdk.api.ApiErrors;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * they are mp-safe, as in VPP. Messages are encoded and decoded by the codecs generated from
 * {@code src/main/api/vlibmemory/memclnt.api}.
 */
public final class Memclnt {

    /** The module's name. */
    public static final String MODULE = MemclntModule.NAME;
    /** Its file CRC. */
    public static final int FILE_CRC = MemclntModule.FILE_CRC;
    /** {@code sockclnt_create}'s fixed id. */
    public static final int SOCKCLNT_CREATE = 15;
    /** {@code sockclnt_create_reply}'s fixed id. */
    public static final int SOCKCLNT_CREATE_REPLY = 16;

    /** {@code sockclnt_create} has no {@code client_index}: its context follows the id. */
    private static final int SOCKCLNT_CREATE_CONTEXT = 2;
    private static final int PID = (int) ProcessHandle.current().pid();

    private Memclnt() {
    }

    /** The module with its 28 messages in file order, and the socket server's handlers. */
    static ApiModule module() {
        Map<String, ApiHandler> handlers = Map.of(
                "get_first_msg_id", Memclnt::getFirstMsgId,
                "api_versions", Memclnt::apiVersions,
                "sockclnt_delete", Memclnt::sockclntDelete,
                "memclnt_keepalive", Memclnt::keepalive,
                "control_ping", Memclnt::controlPing,
                "get_api_json", Memclnt::getApiJson);
        return ApiModule.fromCodecs(MODULE, FILE_CRC, MemclntModule.MESSAGES, codec -> {
            if (codec.name().equals("sockclnt_create")) {
                return Optional.of(new ApiMessage(codec.name(), codec.crc(), codec.minimumPayloadSize(),
                        SOCKCLNT_CREATE_CONTEXT, true, Optional.of(Memclnt::sockclntCreate)));
            }
            return Optional.ofNullable(handlers.get(codec.name())).map(handler ->
                    ApiMessage.request(codec.name(), codec.crc(), codec.minimumPayloadSize(), handler).asMpSafe());
        });
    }

    /**
     * Names the client and sends it its handle and the table. The reply carries its context at
     * offset 6, behind a {@code client_index}, unlike every other reply, so it is sent here
     * rather than stamped by the sink.
     */
    private static void sockclntCreate(ByteBuffer request, ApiReplySink replies) {
        ApiClient client = socketClient(replies);
        client.setName(SockclntCreate.CODEC.decodeRequest(request).name());
        Map<String, Integer> ids = replies.table().ids();
        if (ids.size() > 0xffff) {
            throw new IllegalStateException("api message table: " + ids.size() + " names do not fit the u16 count"
                    + " of sockclnt_create_reply");
        }
        List<MessageTableEntry> table = new ArrayList<>(ids.size());
        ids.forEach((key, id) -> table.add(new MessageTableEntry(id, key)));
        SockclntCreateReply reply = new SockclntCreateReply(0, replies.contextField(), 0,
                Integer.toUnsignedLong(client.index()), table);
        client.send(ByteBuffer.wrap(SockclntCreateReply.CODEC.encode(reply, SOCKCLNT_CREATE_REPLY)));
    }

    private static void sockclntDelete(ByteBuffer request, ApiReplySink replies) {
        ApiClient client = socketClient(replies);
        boolean own = SockclntDelete.CODEC.decodeRequest(request).index_() == Integer.toUnsignedLong(client.index());
        replies.reply(new SockclntDeleteReply(replies.contextField(), own ? 1 : -1));
        if (own) {
            client.closeAfterQueued();
        }
    }

    /**
     * The connection a handshake or delete belongs to. Only a socket client sends them: a replay
     * skips memclnt's messages, as VPP does not replay client create and delete.
     */
    private static ApiClient socketClient(ApiReplySink replies) {
        if (replies.client() instanceof ApiClient client) {
            return client;
        }
        throw new IllegalStateException("memclnt: a connection message from '" + replies.client().name()
                + "', which is not a socket client");
    }

    private static void controlPing(ByteBuffer request, ApiReplySink replies) {
        replies.reply(new ControlPingReply(replies.contextField(), 0,
                ControlPing.CODEC.decodeRequest(request).clientIndex(), PID));
    }

    private static void getFirstMsgId(ByteBuffer request, ApiReplySink replies) {
        Optional<Integer> first = replies.table().firstId(GetFirstMsgId.CODEC.decodeRequest(request).name());
        replies.reply(new GetFirstMsgIdReply(replies.contextField(),
                first.isPresent() ? 0 : ApiErrors.INVALID_VALUE, first.orElse(0xffff)));
    }

    private static void apiVersions(ByteBuffer request, ApiReplySink replies) {
        // an empty list, as VPP's
        replies.reply(new ApiVersionsReply(replies.contextField(), 0, List.of()));
    }

    private static void keepalive(ByteBuffer request, ApiReplySink replies) {
        replies.reply(new MemclntKeepaliveReply(replies.contextField(), 0));
    }

    private static void getApiJson(ByteBuffer request, ApiReplySink replies) {
        String json = replies.table().modules().stream().flatMap(m -> m.apiJson().stream())
                .collect(Collectors.joining(",", "[", "]"));
        replies.reply(new GetApiJsonReply(replies.contextField(), 0, json));
    }
}
