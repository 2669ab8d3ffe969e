package io.vecta.runtime.api;

import io.vecta.runtime.api.items.items.ItemDetails;
import io.vecta.runtime.api.items.items.ItemDump;
import io.vecta.runtime.api.items.items.ItemNameDetails;
import io.vecta.runtime.api.items.items.ItemNameDump;
import io.vecta.runtime.api.items.items.ItemPageDetails;
import io.vecta.runtime.api.items.items.ItemPageGet;
import io.vecta.runtime.api.items.items.ItemPageGetReply;
import io.vecta.sdk.annotation.ApiHandler;
import io.vecta.sdk.api.ApiReplies;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Handlers of the test module {@code items}, one per shape: a dump answered by a returned
 * {@code Stream}, a dump answered by a returned {@code List}, and a get with a cursor that sends
 * a page of details and then the reply carrying the next cursor ({@code ~0} after the last page),
 * as VPP's {@code _get} services do.
 */
final class ItemApi {

    /** Items the get pages through. */
    static final long ITEMS = 5;
    /** Details per page of the get. */
    static final long PAGE = 2;
    /** The cursor of the reply to the last page. */
    static final long END = 0xffff_ffffL;

    /** Streams closed after being sent; written on the main thread. */
    volatile int streamsClosed;

    @ApiHandler
    Stream<ItemDetails> itemDump(ItemDump request) {
        return LongStream.range(0, request.count()).mapToObj(index -> new ItemDetails(0, index))
                .onClose(() -> streamsClosed++);
    }

    @ApiHandler
    List<ItemNameDetails> itemNameDump(ItemNameDump request) {
        return List.of(new ItemNameDetails(0, "first"), new ItemNameDetails(0, "second"));
    }

    @ApiHandler(mpSafe = true)
    void itemPageGet(ItemPageGet request, ApiReplies replies) {
        long end = Math.min(request.cursor() + PAGE, ITEMS);
        for (long index = request.cursor(); index < end; index++) {
            replies.details(new ItemPageDetails(0, index));
        }
        replies.reply(new ItemPageGetReply(0, 0, end == ITEMS ? END : end));
    }
}
