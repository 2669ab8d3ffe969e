package io.vecta.sdk.api;

import java.util.List;
import java.util.Objects;

/**
 * One {@code .api} file as a plugin contributes it to the runtime's binary API: VPP's
 * {@code <module>_<crc>} block of message ids, with the handlers of the requests the plugin
 * answers. The processor writes one per file of the plugin's {@code @ApiModule} packages into
 * its registration ({@code PluginRegistration.apiModules()}); the runtime gives each its block
 * after its own modules when the API server starts.
 *
 * @param name     the module, the file's base name: {@code example} for {@code example.api}
 * @param fileCrc  the CRC of the file, which with the name forms the range name
 * @param messages the codecs of the file's messages, in file order (the generated
 *                 {@code XModule.MESSAGES}); message {@code i} gets id {@code base + i}
 * @param handlers the bindings of the plugin's {@code @ApiHandler} methods; those of requests
 *                 of other modules are left out when the module is registered
 */
public record ApiModuleDescriptor(String name, int fileCrc, List<MessageCodec<?>> messages,
                                  List<ApiHandlerBinding> handlers) {

    /** Checks the parts; a module has at least one message. */
    public ApiModuleDescriptor {
        Objects.requireNonNull(name, "name");
        messages = List.copyOf(messages);
        handlers = List.copyOf(handlers);
        if (name.isBlank()) {
            throw new IllegalArgumentException("api module descriptor has a blank name");
        }
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("api module '" + name + "' has no messages");
        }
    }

    /** The name the module's block of ids is registered under: {@code <module>_<file crc>}. */
    public String rangeName() {
        return name + "_" + "%08x".formatted(fileCrc);
    }
}
