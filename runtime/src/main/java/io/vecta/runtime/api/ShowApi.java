package io.vecta.runtime.api;

import io.vecta.sdk.cli.CliTable;
import java.util.Map;

/**
 * The text of {@code show api clients} and {@code show api message-table}, with VPP's command
 * names: the socket clients with their handles and traffic, the server's counters, and the
 * message ids.
 */
public final class ShowApi {

    private ShowApi() {
    }

    /** The clients, then the counters. */
    public static String clients(ApiServer server) {
        StringBuilder text = new StringBuilder();
        text.append("Socket clients on ").append(server.socket().map(Object::toString).orElse("(not listening)"))
                .append('\n');
        CliTable table = new CliTable().left("Name").left("Index").right("Received").right("Sent")
                .right("Queued bytes");
        for (ApiClient client : server.clients()) {
            table.row(client.name().isEmpty() ? "(no handshake)" : client.name(),
                    String.format("0x%08x", client.index()), client.messagesReceived(), client.messagesSent(),
                    client.queuedBytes());
        }
        text.append(table.render());
        ApiServerCounters c = server.counters();
        CliTable counters = new CliTable().right("Count").left("Counter");
        counters.row(c.clientsAccepted(), "clients accepted");
        counters.row(c.clientsClosed(), "clients closed");
        counters.row(c.clientsCutOff(), "clients cut off for not reading");
        counters.row(c.protocolErrors(), "connections closed for a bad frame header");
        counters.row(c.truncatedFrames(), "connections ended inside a frame");
        counters.row(c.ioErrors(), "socket errors");
        counters.row(c.messagesReceived(), "messages received");
        counters.row(c.messagesHandled(), "messages handled");
        counters.row(c.unknownMessages(), "messages without a handler");
        counters.row(c.shortMessages(), "messages shorter than their fixed part");
        counters.row(c.handlerErrors(), "handler failures");
        counters.row(c.repliesDropped(), "replies dropped: client gone or cut off");
        text.append('\n').append(counters.render());
        return text.toString();
    }

    /**
     * Every id with its {@code name_crc}, in id order; then each module's block of ids under its
     * range name ({@code <module>_<crc>}, what {@code get_first_msg_id} looks up), and the
     * modules refused at start with the reason.
     */
    public static String messageTable(MessageTable messages) {
        CliTable table = new CliTable().right("ID").left("Name");
        for (Map.Entry<String, Integer> entry : messages.ids().entrySet()) {
            table.row(entry.getValue(), entry.getKey());
        }
        StringBuilder text = new StringBuilder(table.render());
        CliTable ranges = new CliTable().right("First ID").right("Messages").left("Module");
        for (ApiModule module : messages.modules()) {
            messages.firstId(module.rangeName()).ifPresent(first ->
                    ranges.row(first, module.messages().size(), module.rangeName()));
        }
        text.append('\n').append(ranges.render());
        if (!messages.refusedModules().isEmpty()) {
            text.append("\nRefused modules:\n");
            for (String reason : messages.refusedModules()) {
                text.append("  ").append(reason).append('\n');
            }
        }
        return text.toString();
    }
}
