/**
 * What code generated from {@code .api} files runs on: the wire encoding of VPP's binary API,
 * a JSON form of its messages, and the table a transport binds messages by.
 *
 * <h2>Wire form of one message (the payload of one socket frame)</h2>
 * <pre>
 *   0      2                                         n
 *   +------+-----------------------------------------+
 *   | u16  | fields in declaration order, packed     |
 *   | id   | (no padding), big-endian                |
 *   +------+-----------------------------------------+
 *
 *   u8 u16 u32 u64 i8 .. i64   big-endian integers
 *   f64                        8 bytes, little-endian (VPP sends f64 in host order)
 *   bool                       1 byte, 0 or 1
 *   enum / enumflag            an integer of the enum's base type
 *   alias                      exactly as the aliased type
 *   typedef                    its fields, inline
 *   union                      as many bytes as the largest arm, the chosen arm first, zero padded
 *   T x[N]                     N elements;  string x[N]: N bytes, text then NULs
 *   string x[]                 u32 byte count, then the bytes
 *   T x[count]                 'count' is an earlier integer field holding the element count
 * </pre>
 * The id is assigned when a transport registers the message, so it is a parameter of
 * {@link io.vecta.sdk.api.MessageCodec#encode(ApiMessage, int)} and skipped by
 * {@link io.vecta.sdk.api.MessageCodec#decode(java.nio.ByteBuffer)}. Fields such as
 * {@code client_index}, {@code context} and {@code retval} are ordinary fields of each message.
 *
 * <h2>Java types of fields</h2>
 * {@code u8}, {@code u16} as {@code int}; {@code u32} as {@code long}; {@code u64} as {@code long}
 * holding the unsigned bits; {@code i8 .. i64}, {@code f64}, {@code bool} as the same-sized Java
 * primitive; {@code u8} arrays as {@link io.vecta.sdk.api.ApiBytes}; strings as {@code String};
 * other arrays as {@code List}s. The count field of a counted array is not a record component:
 * it is the size of the list and is written from it.
 *
 * <h2>Finding a codec</h2>
 * Every generated message record has a {@code CODEC} constant and each generated module a
 * {@code MESSAGES} list in message-id order; {@link io.vecta.sdk.api.ApiCodecs} indexes such lists
 * by class, by name and by the {@code name_crc} key that VPP's clients bind messages with.
 *
 * <h2>Handlers</h2>
 * What a server calls, and what generated code for {@code @ApiHandler} methods implements, so
 * that neither needs the other's classes:
 * <pre>
 *   server: id ─▶ ApiRequestHandler.handle(payload, ApiReplies)
 *                   └─ generated &lt;Class&gt;_ApiHandlers: decodeRequest ─▶ the method ─▶ reply / details
 * </pre>
 * {@link io.vecta.sdk.api.ApiHandlerBinding} ties a request's codec to its handler and says
 * whether it is mp-safe; {@link io.vecta.sdk.api.ApiReplies} is where answers go, each encoded
 * by its own codec with the request's context written in.
 *
 * <h2>A plugin's modules</h2>
 * {@link io.vecta.sdk.api.ApiModuleDescriptor} is one {@code .api} file as a plugin contributes
 * it: name, file CRC, codecs and bindings. The processor lists one per file of the
 * {@code @ApiModule} packages in the plugin's package tree in
 * {@code PluginRegistration.apiModules()}, with the bindings of the tree's {@code @ApiHandler}
 * classes (one object per class, shared with the class's CLI commands); the runtime gives each
 * a block of ids after its own modules, plugins in name order.
 *
 * <h2>Clients</h2>
 * The client side of the same services: each {@code @ApiModule} file also gets a generated
 * {@code <Module>ServiceClient} with one typed method per {@code rpc} (GoVPP's {@code RPCService}),
 * which sends through an {@link io.vecta.sdk.api.ApiCaller}; the runtime's socket connection
 * is one.
 */
package io.vecta.sdk.api;
