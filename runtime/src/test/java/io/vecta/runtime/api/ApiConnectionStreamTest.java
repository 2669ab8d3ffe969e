package io.vecta.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vecta.runtime.api.client.ApiClientException;
import io.vecta.runtime.api.client.ApiConnection;
import io.vecta.runtime.api.client.ApiEvent;
import io.vecta.runtime.api.testapi.paged.PagedDetails;
import io.vecta.runtime.api.testapi.paged.PagedDump;
import io.vecta.runtime.api.testapi.paged.PagedGet;
import io.vecta.runtime.api.testapi.paged.PagedGetReply;
import io.vecta.runtime.api.testapi.paged.PagedModule;
import io.vecta.sdk.api.ApiCodecs;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ApiConnection}'s streams over a real socket: dumps read lazily, and VPP's cursor gets
 * read page by page, against a server of the test-only {@code paged.api} module:
 * <pre>
 *   paged_dump {count}   ─▶ paged_details {item} for 0 .. count-1     (the ping ends it)
 *   paged_get  {cursor}  ─▶ paged_details for up to PAGE items from cursor, then
 *                           paged_get_reply {retval -165, next cursor} while items remain,
 *                           {retval 0, cursor ~0} after the last, {retval -7} past the end
 * </pre>
 */
class ApiConnectionStreamTest {

    private static final int ITEMS = 23;
    private static final int PAGE = 5;
    private static final int INVALID_VALUE = -7;
    private static final ApiCodecs PAGED = ApiCodecs.of(PagedModule.MESSAGES);

    @TempDir
    Path dir;

    private final AtomicInteger getsHandled = new AtomicInteger();
    private final List<ApiEvent> events = new CopyOnWriteArrayList<>();
    private ApiServer server;
    private ApiConnection api;

    @BeforeEach
    void serve() {
        Map<String, ApiHandler> handlers = Map.of("paged_dump", this::dump, "paged_get", this::get);
        ApiModule paged = ApiModule.fromCodecs(PagedModule.NAME, PagedModule.FILE_CRC, PagedModule.MESSAGES,
                codec -> Optional.ofNullable(handlers.get(codec.name())).map(handler ->
                        ApiMessage.request(codec.name(), codec.crc(), codec.minimumPayloadSize(), handler)));
        server = new ApiServer(ApiRegistry.withMemclnt().register(paged).table(), oneAtATime(),
                ApiServerOptions.DEFAULTS);
        server.listen(dir.resolve("api.sock"), Optional.empty());
        api = ApiConnection.connect(dir.resolve("api.sock"), "pager", PAGED);
        api.addEventListener(events::add);
    }

    @AfterEach
    void stop() {
        api.close();
        server.close();
    }

    private void dump(ByteBuffer request, ApiReplySink replies) {
        long count = PagedDump.CODEC.decodeRequest(request).count();
        for (long item = 0; item < count; item++) {
            replies.details(details(replies, item));
        }
        replies.dump(List.of());
    }

    private void get(ByteBuffer request, ApiReplySink replies) {
        getsHandled.incrementAndGet();
        long cursor = PagedGet.CODEC.decodeRequest(request).cursor();
        if (cursor > ITEMS) {
            replies.reply(new PagedGetReply(replies.contextField(), INVALID_VALUE, cursor));
            return;
        }
        long end = Math.min(cursor + PAGE, ITEMS);
        for (long item = cursor; item < end; item++) {
            replies.details(details(replies, item));
        }
        replies.reply(end < ITEMS ? new PagedGetReply(replies.contextField(), -165, end)
                : new PagedGetReply(replies.contextField(), 0, 0xffff_ffffL));
    }

    private static ByteBuffer details(ApiReplySink replies, long item) {
        return ByteBuffer.wrap(PagedDetails.CODEC.encode(new PagedDetails(0, item),
                replies.table().idOf(PagedDetails.CODEC.name(), PagedDetails.CODEC.crc())));
    }

    private static List<Long> items(Stream<PagedDetails> details) {
        return details.map(PagedDetails::item).toList();
    }

    @Test
    void shouldReadEveryPageOfACursorGetAsOneStream() {
        List<Long> all;
        try (Stream<PagedDetails> details = api.getAll(cursor -> new PagedGet(0, 0, cursor), PagedGetReply.CODEC,
                PagedDetails.CODEC)) {
            all = items(details);
        }

        assertThat(all).isEqualTo(LongStream.range(0, ITEMS).boxed().toList());
        assertThat(getsHandled).as("pages of %d items", PAGE).hasValue((ITEMS + PAGE - 1) / PAGE);
        assertThat(events).isEmpty();
    }

    @Test
    void shouldAskForNoFurtherPageOnceTheStreamIsClosed() {
        List<Long> first;
        try (Stream<PagedDetails> details = api.getAll(cursor -> new PagedGet(0, 0, cursor), PagedGetReply.CODEC,
                PagedDetails.CODEC)) {
            first = items(details.limit(PAGE + 2));
        }
        api.controlPing(); // answered after the rest of the second page: it has been dropped by now

        assertThat(first).isEqualTo(LongStream.range(0, PAGE + 2).boxed().toList());
        assertThat(getsHandled).as("the second page was needed, the third was not").hasValue(2);
        assertThat(events).as("the rest of the page went nowhere").isEmpty();
    }

    @Test
    void shouldStreamADumpAndKeepTheConnectionUsableWhenClosedBeforeItsEnd() {
        List<Long> read = new java.util.ArrayList<>();
        try (Stream<PagedDetails> details = api.dumpStream(new PagedDump(0, 0, 1000), PagedDetails.CODEC)) {
            Iterator<PagedDetails> each = details.iterator();
            for (int i = 0; i < 3; i++) {
                read.add(each.next().item());
            }
        }
        List<PagedDetails> whole = api.dump(new PagedDump(0, 0, 4), PagedDetails.CODEC);

        assertThat(read).containsExactly(0L, 1L, 2L);
        assertThat(whole).extracting(PagedDetails::item).containsExactly(0L, 1L, 2L, 3L);
        assertThat(api.dump(new PagedDump(0, 0, 0), PagedDetails.CODEC)).isEmpty();
        assertThat(events).as("the 997 details not read went nowhere").isEmpty();
    }

    @Test
    void shouldThrowTheServersErrorFromTheStreamAndRefuseAReplyWithoutACursor() {
        try (Stream<PagedDetails> details = api.getAll(cursor -> new PagedGet(0, 0, cursor + ITEMS + 1),
                PagedGetReply.CODEC, PagedDetails.CODEC)) {
            assertThatThrownBy(details::toList).isInstanceOf(ApiClientException.class)
                    .hasMessage("paged_get: paged_get_reply has retval -7 (cursor 24)");
        }
        assertThatThrownBy(() -> api.getAll(cursor -> new PagedGet(0, 0, cursor), PagedDetails.CODEC,
                PagedDetails.CODEC)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("paged_details has no retval and cursor fields");
        assertThat(api.controlPing().retval()).isZero();
    }

    /** Handlers run one batch at a time on the reader that brings it: the test server's main thread. */
    private static ApiMainThread oneAtATime() {
        return new ApiMainThread() {
            @Override
            public synchronized void run(Runnable work) {
                work.run();
            }

            @Override
            public void withWorkersStopped(Runnable change) {
                change.run();
            }
        };
    }
}
