package io.vecta.runtime.api;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The bytes of the memclnt messages the socket server answers, laid out by hand from
 * {@code memclnt.api} until generated codecs take over. Every field is packed and big-endian;
 * {@code char name[64]} is text and NUL padding. Offsets are in the payload.
 *
 * <pre>
 * sockclnt_create        0 id | 2 context | 6 name[64]                                        70 B
 * sockclnt_create_reply  0 id | 2 client_index | 6 context | 10 response | 14 index
 *                        | 18 count u16 | 20 count x { 0 u16 index | 2 name[64] }       20 + 66n B
 * sockclnt_delete        0 id | 2 client_index | 6 context | 10 index                           14 B
 * sockclnt_delete_reply  0 id | 2 context | 6 response                                          10 B
 * get_first_msg_id       0 id | 2 client_index | 6 context | 10 name[64]                        74 B
 * get_first_msg_id_reply 0 id | 2 context | 6 retval | 10 first_msg_id u16                      12 B
 * api_versions_reply     0 id | 2 context | 6 retval | 10 count (always 0 here)                  14 B
 * control_ping_reply     0 id | 2 context | 6 retval | 10 client_index | 14 vpe_pid             18 B
 * memclnt_keepalive_reply 0 id | 2 context | 6 retval                                           10 B
 * get_api_json_reply     0 id | 2 context | 6 retval | 10 u32 n | 14 n bytes of JSON        14 + n B
 * control_ping, memclnt_keepalive, api_versions, get_api_json (plain requests):
 *                        0 id | 2 client_index | 6 context                                      10 B
 * </pre>
 */
final class MemclntCodec {

    static final int NAME_BYTES = 64;

    static final int SOCKCLNT_CREATE_CONTEXT = 2;
    static final int SOCKCLNT_CREATE_NAME = 6;
    static final int SOCKCLNT_CREATE_BYTES = 70;

    static final int SOCKCLNT_CREATE_REPLY_CLIENT_INDEX = 2;
    static final int SOCKCLNT_CREATE_REPLY_CONTEXT = 6;
    static final int SOCKCLNT_CREATE_REPLY_RESPONSE = 10;
    static final int SOCKCLNT_CREATE_REPLY_INDEX = 14;
    static final int SOCKCLNT_CREATE_REPLY_COUNT = 18;
    static final int SOCKCLNT_CREATE_REPLY_ENTRIES = 20;
    static final int TABLE_ENTRY_BYTES = 2 + NAME_BYTES;

    static final int SOCKCLNT_DELETE_INDEX = 10;
    static final int SOCKCLNT_DELETE_BYTES = 14;

    static final int GET_FIRST_MSG_ID_NAME = 10;
    static final int GET_FIRST_MSG_ID_BYTES = 74;
    static final int GET_FIRST_MSG_ID_REPLY_FIRST = 10;

    static final int RETVAL = 6;
    static final int CONTROL_PING_REPLY_CLIENT_INDEX = 10;
    static final int CONTROL_PING_REPLY_PID = 14;
    static final int API_VERSIONS_REPLY_COUNT = 10;
    static final int GET_API_JSON_REPLY_LENGTH = 10;

    private MemclntCodec() {
    }

    /** The client's name in a {@code sockclnt_create}. */
    static String sockclntCreateName(ByteBuffer request) {
        return fixedString(request, SOCKCLNT_CREATE_NAME);
    }

    /** {@code sockclnt_create_reply}: response 0, the client's handle, and every {@code name_crc → id}. */
    static ByteBuffer sockclntCreateReply(int id, int context, int clientHandle, Map<String, Integer> table) {
        if (table.size() > 0xffff) {
            throw new IllegalStateException("api message table: " + table.size() + " names do not fit the u16 count"
                    + " of sockclnt_create_reply");
        }
        ByteBuffer reply = allocate(SOCKCLNT_CREATE_REPLY_ENTRIES + table.size() * TABLE_ENTRY_BYTES);
        reply.putShort(0, (short) id)
                .putInt(SOCKCLNT_CREATE_REPLY_CLIENT_INDEX, 0)
                .putInt(SOCKCLNT_CREATE_REPLY_CONTEXT, context)
                .putInt(SOCKCLNT_CREATE_REPLY_RESPONSE, 0)
                .putInt(SOCKCLNT_CREATE_REPLY_INDEX, clientHandle)
                .putShort(SOCKCLNT_CREATE_REPLY_COUNT, (short) table.size());
        int at = SOCKCLNT_CREATE_REPLY_ENTRIES;
        for (Map.Entry<String, Integer> entry : table.entrySet()) {
            reply.putShort(at, (short) (int) entry.getValue());
            putFixedString(reply, at + 2, entry.getKey());
            at += TABLE_ENTRY_BYTES;
        }
        return reply;
    }

    /** The handle a {@code sockclnt_delete} names. */
    static int sockclntDeleteIndex(ByteBuffer request) {
        return request.getInt(SOCKCLNT_DELETE_INDEX);
    }

    /** The module range a {@code get_first_msg_id} asks for. */
    static String getFirstMsgIdName(ByteBuffer request) {
        return fixedString(request, GET_FIRST_MSG_ID_NAME);
    }

    static ByteBuffer getFirstMsgIdReply(int id, int retval, int firstMsgId) {
        return allocate(12).putShort(0, (short) id).putInt(RETVAL, retval)
                .putShort(GET_FIRST_MSG_ID_REPLY_FIRST, (short) firstMsgId);
    }

    /** A reply that is only {@code context, retval} ({@code sockclnt_delete_reply}'s is named response). */
    static ByteBuffer retvalReply(int id, int retval) {
        return allocate(10).putShort(0, (short) id).putInt(RETVAL, retval);
    }

    static ByteBuffer controlPingReply(int id, int clientIndex, int pid) {
        return allocate(18).putShort(0, (short) id).putInt(RETVAL, 0)
                .putInt(CONTROL_PING_REPLY_CLIENT_INDEX, clientIndex).putInt(CONTROL_PING_REPLY_PID, pid);
    }

    /** {@code api_versions_reply} with an empty list, as VPP's. */
    static ByteBuffer apiVersionsReply(int id) {
        return allocate(14).putShort(0, (short) id).putInt(RETVAL, 0).putInt(API_VERSIONS_REPLY_COUNT, 0);
    }

    static ByteBuffer getApiJsonReply(int id, String json) {
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        return allocate(14 + text.length).putShort(0, (short) id).putInt(RETVAL, 0)
                .putInt(GET_API_JSON_REPLY_LENGTH, text.length).put(14, text);
    }

    /** The {@code client_index} of a plain request. */
    static int clientIndex(ByteBuffer request) {
        return request.getInt(ApiFrame.REQUEST_CLIENT_INDEX_OFFSET);
    }

    /** A {@code char x[64]}: the text up to its first NUL. */
    static String fixedString(ByteBuffer message, int offset) {
        int length = 0;
        while (length < NAME_BYTES && message.get(offset + length) != 0) {
            length++;
        }
        byte[] text = new byte[length];
        message.get(offset, text);
        return new String(text, StandardCharsets.UTF_8);
    }

    /** Writes at most 63 bytes of {@code text}, then NULs to 64. */
    static void putFixedString(ByteBuffer message, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(bytes.length, NAME_BYTES - 1);
        message.put(offset, bytes, 0, length);
    }

    private static ByteBuffer allocate(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.BIG_ENDIAN);
    }
}
