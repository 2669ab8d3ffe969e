package io.vecta.sdk.api;

import java.util.Optional;

/**
 * What an {@code @ApiHandler} method may reach beyond its request: the runtime's services, by
 * type, as a CLI command reaches them through its {@code CliContext}. A handler asks for one by
 * the type it knows from the SDK and handles its absence, since a smaller server (a test, a
 * tool) may not offer it.
 *
 * <pre>{@code
 * @ApiHandler
 * AcmeShowReply acmeShow(ApiContext ctx, AcmeShow request) {
 *     Optional<AcmeTable> table = ctx.service(AcmeTable.class);
 *     return new AcmeShowReply(0, table.isPresent() ? 0 : -1, table.map(AcmeTable::label).orElse(""));
 * }
 * }</pre>
 */
public interface ApiContext {

    /** A context that offers no services. */
    ApiContext NONE = new ApiContext() {
        @Override
        public <T> Optional<T> service(Class<T> type) {
            return Optional.empty();
        }
    };

    /** The service registered under {@code type}, if the server offers one. */
    <T> Optional<T> service(Class<T> type);
}
