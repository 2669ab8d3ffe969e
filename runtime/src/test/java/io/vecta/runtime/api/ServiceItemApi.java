package io.vecta.runtime.api;

import io.vecta.runtime.api.items.items.ItemNameDetails;
import io.vecta.runtime.api.items.items.ItemNameDump;
import io.vecta.sdk.annotation.ApiHandler;
import io.vecta.sdk.api.ApiContext;
import io.vecta.sdk.cli.CliNames;
import java.util.List;

/** A handler that takes an {@link ApiContext}: it names which services the server offers it. */
final class ServiceItemApi {

    @ApiHandler
    List<ItemNameDetails> itemNameDump(ApiContext ctx, ItemNameDump request) {
        return List.of(new ItemNameDetails(0, ctx.service(CliNames.class).isPresent() ? "cli names" : "no cli names"),
                new ItemNameDetails(0, ctx.service(Thread.class).isPresent() ? "thread" : "no thread"));
    }
}
