package io.vecta.runtime.ctl;

import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Completes a word by asking the runtime: the complete words before it, followed by
 * {@code ?}, return the listing of what may come next ({@link HelpListing}). The command tree
 * stays in the runtime, so completion always matches the plugins it has loaded.
 */
final class ServerCompleter implements Completer {

    private final CtlConnection connection;

    ServerCompleter(CtlConnection connection) {
        this.connection = connection;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> typed = line.words().subList(0, line.wordIndex());
        try {
            CtlReply reply = connection.run(helpRequest(typed));
            if (reply.failed()) {
                return;
            }
            for (String word : HelpListing.candidates(reply.text(), typed)) {
                candidates.add(new Candidate(word));
            }
        } catch (CtlConnectException e) {
            // nothing to offer; running the line reports the lost connection
        }
    }

    /** The help request for what may follow {@code typed}: {@code "show ?"}, or {@code "?"} at the start. */
    static String helpRequest(List<String> typed) {
        return typed.isEmpty() ? "?" : String.join(" ", typed) + " ?";
    }
}
