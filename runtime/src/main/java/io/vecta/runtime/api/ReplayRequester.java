package io.vecta.runtime.api;

import java.nio.ByteBuffer;

/**
 * The requester a replayed trace's messages come from: no socket, so its answers are only
 * counted, or, for a verbose replay, written out as text beside the request they answer.
 */
final class ReplayRequester implements ApiRequester {

    private final String name;
    private final MessageTable table;
    private final StringBuilder verboseOut;
    private long answers;

    /** @param verboseOut where answers are shown, or null to only count them */
    ReplayRequester(String name, MessageTable table, StringBuilder verboseOut) {
        this.name = name;
        this.table = table;
        this.verboseOut = verboseOut;
    }

    /** {@value ApiTraceReplay#REPLAY_HANDLE}: no socket client has it. */
    @Override
    public int index() {
        return ApiTraceReplay.REPLAY_HANDLE;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean send(ByteBuffer payload) {
        answers++;
        if (verboseOut != null) {
            String key = payload.remaining() < ApiFrame.MSG_ID_BYTES ? "(no message id)"
                    : table.message(Short.toUnsignedInt(payload.getShort(payload.position())))
                    .map(ApiMessage::key).orElse("(id not in the table)");
            verboseOut.append("         answer ").append(key).append(' ')
                    .append(ApiTraceText.message(table, key, payload, false)).append('\n');
        }
        return true;
    }

    /** Answers the handlers sent. */
    long answers() {
        return answers;
    }
}
