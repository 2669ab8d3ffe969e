/**
 * A client of the binary API socket, in the role GoVPP and vpp_papi play for VPP:
 * {@link io.vecta.runtime.api.client.ApiConnection} connects to a runtime's {@code api.sock},
 * takes the server's message table from the {@code sockclnt_create} handshake, checks the
 * client's codecs against it by name and CRC ({@link io.vecta.runtime.api.client.TableCheck}),
 * then sends requests and matches what comes back by context: one reply per call, details up
 * to a {@code control_ping_reply} for a dump (collected or streamed), the pages of a cursor get
 * up to the {@code X_get_reply} that says there are no more, anything else to the event listeners.
 *
 * <p>The handshake and ping messages are the runtime's own, generated from {@code memclnt.api}
 * ({@code io.vecta.runtime.api.core.memclnt}); a client's own messages come from its generated
 * modules.
 */
package io.vecta.runtime.api.client;
