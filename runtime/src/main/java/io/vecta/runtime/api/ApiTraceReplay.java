package io.vecta.runtime.api;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code api trace replay}: feeds the messages of a saved trace to this runtime's handlers, in
 * order, on the main thread, as if a client had sent them: each through the message table and
 * with the workers stopped unless its message is mp-safe, as a socket client's message is.
 *
 * <ul>
 *   <li>A record's message is found by its {@code name_crc}, never by the id in the file, and
 *       its id is rewritten to this runtime's; a request's {@code client_index} becomes
 *       {@link #REPLAY_HANDLE}, so no handler mistakes it for a live client.</li>
 *   <li>memclnt's messages (handshake, ping, delete ...) belong to the connection that sent
 *       them and are skipped, as VPP does not replay them.</li>
 *   <li>A message this runtime does not have under that key (another CRC is another layout),
 *       or does not handle, is skipped and named; a handler that throws is named with its
 *       failure. Neither stops the replay.</li>
 *   <li>Answers go to a {@link ReplayRequester}: counted, or shown with {@code verbose}.</li>
 *   <li>Replayed messages are not traced; a replay does not start another (a traced
 *       {@code cli_inband "api trace replay ..."} would never end).</li>
 * </ul>
 */
public final class ApiTraceReplay {

    /** The {@code client_index} replayed requests carry; socket clients' handles have bit 31 set. */
    public static final int REPLAY_HANDLE = 0;

    /**
     * What a replay did.
     *
     * @param replayed   messages whose handler ran to its end
     * @param connection memclnt messages skipped
     * @param unknown    messages skipped because this runtime lacks or does not handle them, by key
     * @param failed     messages whose handler threw, or that were too short to run
     * @param answers    messages the handlers sent back
     * @param text       a line per problem (and per message, when verbose), then a summary line
     */
    public record Report(int replayed, int connection, Map<String, Integer> unknown, int failed, long answers,
                         String text) {

        /** Messages skipped as unknown here. */
        public int unknownCount() {
            return unknown.values().stream().mapToInt(Integer::intValue).sum();
        }

        Report withText(String full) {
            return new Report(replayed, connection, unknown, failed, answers, full);
        }
    }

    private ApiTraceReplay() {
    }

    /**
     * On the main thread: replays records {@code first} to {@code last} (numbered from 0, as
     * {@code api trace dump-file} shows them, both included; {@code last} past the end means to
     * the end) of {@code entries} into {@code server}'s handlers.
     *
     * @param source names the replay in its summary and as the requester's name
     * @throws IllegalArgumentException if the range is empty or starts past the records
     * @throws IllegalStateException if a replay is already running
     */
    public static Report replay(ApiServer server, List<ApiTrace.Entry> entries, long first, long last,
                                boolean verbose, String source) {
        if (server.replaying()) {
            throw new IllegalStateException("replay " + source + ": a replay is already running; one replay does"
                    + " not start another");
        }
        if (first < 0 || first > last) {
            throw new IllegalArgumentException("replay " + source + ": first " + first + " and last " + last
                    + " name no records; records are numbered from 0");
        }
        if (first >= entries.size()) {
            throw new IllegalArgumentException("replay " + source + ": first " + first + " is past the "
                    + entries.size() + " records of the file");
        }
        server.replaying(true);
        try {
            return run(server, entries, (int) first, (int) Math.min(last, entries.size() - 1L), verbose, source);
        } finally {
            server.replaying(false);
        }
    }

    private static Report run(ApiServer server, List<ApiTrace.Entry> entries, int first, int last, boolean verbose,
                              String source) {
        MessageTable table = server.table();
        StringBuilder text = new StringBuilder();
        ReplayRequester requester = new ReplayRequester("api trace replay " + source, table, verbose ? text : null);
        int replayed = 0;
        int connection = 0;
        int failed = 0;
        Map<String, Integer> unknown = new LinkedHashMap<>();
        for (int i = first; i <= last; i++) {
            ApiTrace.Entry e = entries.get(i);
            String record = String.format("record %d %s", i, e.key());
            Optional<Integer> id = table.id(e.key());
            if (id.isPresent() && table.isBootstrap(id.get())) {
                connection++;
                continue;
            }
            Optional<ApiMessage> found = id.flatMap(table::message);
            if (found.isEmpty() || found.get().handler().isEmpty()) {
                unknown.merge(e.key(), 1, Integer::sum);
                text.append(record).append(": ").append(found.isEmpty() ? whyUnknown(table, e.key())
                        : "this runtime does not handle it").append("; skipped\n");
                continue;
            }
            ApiMessage message = found.get();
            if (e.payload().length < message.fixedBytes()) {
                failed++;
                text.append(record).append(": ").append(e.payload().length).append(" bytes, its fixed part needs ")
                        .append(message.fixedBytes()).append("; skipped\n");
                continue;
            }
            ByteBuffer payload = ByteBuffer.wrap(e.payload().clone());
            payload.putShort(ApiFrame.MSG_ID_OFFSET, (short) id.get().intValue());
            if (message.contextOffset() == ApiFrame.REQUEST_CONTEXT_OFFSET) {
                payload.putInt(ApiFrame.REQUEST_CLIENT_INDEX_OFFSET, REPLAY_HANDLE);
            }
            if (verbose) {
                text.append(record).append(' ').append(ApiTraceText.message(table, e.key(), payload, true))
                        .append('\n');
            }
            Optional<RuntimeException> failure = server.handleAs(requester, message, payload);
            if (failure.isPresent()) {
                failed++;
                text.append(record).append(": the handler failed: ").append(failure.get()).append('\n');
            } else {
                replayed++;
            }
        }
        Report report = new Report(replayed, connection, Collections.unmodifiableMap(unknown), failed,
                requester.answers(), "");
        return report.withText(text.append(summary(report, source, first, last, entries.size(), verbose)).toString());
    }

    private static String summary(Report r, String source, int first, int last, int records, boolean verbose) {
        StringBuilder text = new StringBuilder();
        int count = last - first + 1;
        text.append("api trace replay ").append(source).append(": ").append(r.replayed()).append(" of ").append(count)
                .append(count == 1 ? " message" : " messages").append(" replayed (records ").append(first)
                .append(" to ").append(last).append(" of ").append(records).append(")");
        if (r.connection() > 0) {
            text.append(", ").append(r.connection()).append(" memclnt skipped");
        }
        if (r.unknownCount() > 0) {
            text.append(", ").append(r.unknownCount()).append(" unknown skipped (")
                    .append(String.join(" ", r.unknown().keySet())).append(")");
        }
        if (r.failed() > 0) {
            text.append(", ").append(r.failed()).append(" failed");
        }
        text.append("; ").append(r.answers()).append(r.answers() == 1 ? " answer" : " answers")
                .append(verbose ? " shown" : " discarded").append('\n');
        return text.toString();
    }

    /** Why {@code key} is not in the table: absent, or present under another CRC. */
    private static String whyUnknown(MessageTable table, String key) {
        String name = ApiTraceFile.messageName(key);
        return table.ids().keySet().stream().filter(k -> ApiTraceFile.messageName(k).equals(name)).findFirst()
                .map(other -> "this runtime has " + other + " (another layout)")
                .orElse("not in this runtime's message table");
    }
}
