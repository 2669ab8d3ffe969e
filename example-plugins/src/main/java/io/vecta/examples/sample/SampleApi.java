package io.vecta.examples.sample;

import io.vecta.examples.sample.api.sample.SampleEcho;
import io.vecta.examples.sample.api.sample.SampleEchoReply;
import io.vecta.examples.sample.api.sample.SampleProtocolDetails;
import io.vecta.examples.sample.api.sample.SampleProtocolDump;
import io.vecta.sdk.annotation.ApiHandler;
import io.vecta.sdk.annotation.CliCommand;
import io.vecta.sdk.cli.CliInput;
import io.vecta.sdk.cli.CliOutput;
import io.vecta.sdk.packet.IpProtocol;
import java.util.List;

/**
 * The sample plugin's binary API handlers and the command that shows what they did. The
 * registration creates one {@code SampleApi} for both, so the command sees the handlers' count.
 * Handlers run on the main thread, one at a time, so the count needs no synchronization.
 */
public final class SampleApi {

    /** The protocols {@code sample_protocol_dump} lists, in protocol order. */
    static final List<Integer> NAMED = List.of(IpProtocol.ICMP, IpProtocol.TCP, IpProtocol.UDP);

    private long echoes;

    /** Created by the plugin's registration. */
    public SampleApi() {
    }

    @ApiHandler
    SampleEchoReply sampleEcho(SampleEcho request) {
        echoes++;
        return new SampleEchoReply(0, 0, echoes, request.text());
    }

    @ApiHandler
    List<SampleProtocolDetails> sampleProtocolDump(SampleProtocolDump request) {
        return NAMED.stream().map(p -> new SampleProtocolDetails(0, p, IpProtocol.name(p))).toList();
    }

    @CliCommand(path = "show sample api", shortHelp = "show sample api",
            longHelp = "How many sample_echo requests the plugin has answered.")
    public void show(CliInput in, CliOutput out) {
        in.expectEnd();
        out.println(echoes + " echoes answered");
    }
}
