package io.vecta.runtime.cli.server;

import java.nio.charset.StandardCharsets;

/**
 * The wire format of a CLI session, shared by {@link CliServer} and {@code vectactl}. A
 * session is human until its first line says otherwise, so {@code socat - UNIX-CONNECT:path},
 * {@code nc -U path} and telnet-like clients see a plain prompt and never any framing.
 *
 * <h2>Human mode (the default)</h2>
 * <pre>
 *   server: banner (unless switched off), then the prompt "vecta# "
 *   client: a line  (ends at \n, \r\n, \r\0 or \r; telnet IAC sequences are dropped)
 *   server: the command's output, then the prompt again ... until the client closes
 * </pre>
 *
 * <h2>Framed mode (vectactl)</h2>
 * The client's first line is the handshake. Whatever the server sent before its answer (the
 * banner and prompt of human mode, already on their way) is skipped by the client up to the
 * first {@code 0x01} byte: the banner and the prompt never contain one.
 * <pre>
 *   client: 0x01 "vectactl 1" \n                           handshake, protocol version 1
 *   server: 0x01 "vecta 1 " prompt \n                      accepted; the human prompt for an
 *                                                          interactive client to show
 *       or: 0x01 "vecta refused " reason \n, then close    unknown version
 *
 *   client: command line \n                                UTF-8, one command per line
 *   server: 0x01 status SP length SP session \n            the reply header, then exactly
 *           output                                         length bytes of UTF-8 output
 *
 *     status  = "ok" | "failed"         failed makes a one-shot vectactl exit 1
 *     length  = decimal byte count of the output that follows the header
 *     session = "continue" | "close"    close: the server ends the session after this reply
 *                                        (quit, halt)
 * </pre>
 * The length prefix, not a trailer, ends the output, so no output text can be mistaken for
 * the end of a reply. A line that ends in {@code ?} asks for help: the command tree answers
 * with the words that may follow the line's complete words, one per line, each optionally
 * followed by its help text; vectactl's completion reads these.
 *
 * <h2>Both modes</h2>
 * A line holds at most {@link #MAX_LINE_BYTES} bytes; a longer one is dropped up to its end
 * and answered with an error. Bytes that are not UTF-8 become U+FFFD. A blank line runs the
 * empty command (which prints nothing).
 */
public final class CliProtocol {

    /** The protocol version this side speaks. */
    public static final int VERSION = 1;

    /** Starts every line of the framed protocol's own; never part of a banner or prompt. */
    public static final char MARK = '\u0001';

    /** The longest command line, in bytes, not counting its end. */
    public static final int MAX_LINE_BYTES = 4096;

    /** The client's first line in framed mode, without its {@code \n}. */
    public static final String HANDSHAKE = MARK + "vectactl " + VERSION;

    private static final String HANDSHAKE_PREFIX = MARK + "vectactl ";
    private static final String ACCEPTED_PREFIX = "vecta " + VERSION + " ";
    private static final String REFUSED_PREFIX = "vecta refused ";

    private CliProtocol() {
    }

    /**
     * Whether {@code firstLine} asks for framed mode (of any version): it starts with
     * {@code 0x01 "vectactl "}.
     */
    static boolean isHandshake(String firstLine) {
        return firstLine.startsWith(HANDSHAKE_PREFIX);
    }

    /** The server's answer to a handshake line, with its {@code \n}. */
    static String answerHandshake(String handshake, String prompt) {
        if (handshake.equals(HANDSHAKE)) {
            return MARK + ACCEPTED_PREFIX + prompt + "\n";
        }
        String asked = handshake.substring(HANDSHAKE_PREFIX.length());
        return MARK + REFUSED_PREFIX + "protocol version '" + printable(asked) + "' not spoken, this runtime speaks "
                + VERSION + "\n";
    }

    /** Whether the answer line sent by {@link #answerHandshake} accepted the session. */
    static boolean accepts(String answer) {
        return answer.startsWith(MARK + ACCEPTED_PREFIX);
    }

    /**
     * The prompt carried by the server's answer to the handshake, {@code answer} being the
     * line after the skipped greeting, starting at its {@code 0x01} and without its {@code \n}.
     *
     * @throws IllegalArgumentException with the server's reason when it refused, or with the
     *                                  line when it is not an answer at all
     */
    public static String acceptedPrompt(String answer) {
        if (answer.startsWith(MARK + ACCEPTED_PREFIX)) {
            return answer.substring(1 + ACCEPTED_PREFIX.length());
        }
        if (answer.startsWith(MARK + REFUSED_PREFIX)) {
            throw new IllegalArgumentException("the runtime refused the session: "
                    + answer.substring(1 + REFUSED_PREFIX.length()));
        }
        throw new IllegalArgumentException("not a vecta CLI handshake answer: '" + printable(answer) + "'");
    }

    /**
     * The header that precedes a reply's output in framed mode.
     *
     * @param failed      whether the command failed
     * @param length      the byte length of the output that follows
     * @param sessionEnds whether the server closes the session after this reply
     */
    public record ReplyHeader(boolean failed, int length, boolean sessionEnds) {

        /** The longest output a reader accepts; a larger length means the stream is not a reply. */
        public static final int MAX_LENGTH = 1 << 30;

        /** Checks the length. */
        public ReplyHeader {
            if (length < 0 || length > MAX_LENGTH) {
                throw new IllegalArgumentException("CLI reply: output length " + length + " out of range 0.." + MAX_LENGTH);
            }
        }

        /** The header line with its {@code \n}, in UTF-8. */
        public byte[] encode() {
            return (MARK + (failed ? "failed " : "ok ") + length + (sessionEnds ? " close" : " continue") + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        }

        /**
         * Reads a header line, without its {@code \n}.
         *
         * @throws IllegalArgumentException naming the line when it is not a header
         */
        public static ReplyHeader parse(String line) {
            String[] fields = line.length() > 1 && line.charAt(0) == MARK ? line.substring(1).split(" ", -1)
                    : new String[0];
            if (fields.length != 3 || !(fields[0].equals("ok") || fields[0].equals("failed"))
                    || !(fields[2].equals("continue") || fields[2].equals("close"))
                    || !fields[1].matches("[0-9]{1,10}")) {
                throw new IllegalArgumentException("CLI reply: not a reply header: '" + printable(line) + "'");
            }
            long length = Long.parseLong(fields[1]);
            if (length > MAX_LENGTH) {
                throw new IllegalArgumentException("CLI reply: output length " + length + " over the limit of " + MAX_LENGTH);
            }
            return new ReplyHeader(fields[0].equals("failed"), (int) length, fields[2].equals("close"));
        }
    }

    /** {@code text} with control characters shown as {@code \xNN}, for error messages. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length() && i < 200; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return text.length() > 200 ? out + "..." : out.toString();
    }
}
