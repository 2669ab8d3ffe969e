package io.vecta.runtime.cli.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Cuts a client's byte stream into command lines, whatever kind of client sent them.
 *
 * <ul>
 *   <li>A line ends at {@code \n}, {@code \r\n}, {@code \r\0} (telnet's bare return) or a lone
 *       {@code \r}; the end of the stream ends a last line that has no end of its own.</li>
 *   <li>Telnet commands are dropped: {@code IAC WILL|WONT|DO|DONT option},
 *       {@code IAC SB ... IAC SE} and two-byte {@code IAC cmd}; {@code IAC IAC} is a data byte
 *       0xFF. No UTF-8 text contains 0xFF, so this never changes a line of text.</li>
 *   <li>A line longer than the limit is read to its end and dropped; the caller gets
 *       {@link #TOO_LONG} and answers with an error.</li>
 *   <li>Bytes that are not UTF-8 become U+FFFD, so the runner always gets a valid string.</li>
 * </ul>
 * Reads one byte at a time from {@code in}, which should be buffered.
 */
final class CliLineReader {

    /** Returned in the place of a line that was longer than the limit. */
    static final String TOO_LONG = new String("<line too long>");

    private static final int IAC = 0xFF;
    private static final int SE = 0xF0;
    private static final int SB = 0xFA;
    private static final int WILL = 0xFB;
    private static final int DONT = 0xFE;

    private final InputStream in;
    private final byte[] line;
    private int length;
    private boolean overflowed;
    private boolean afterReturn;

    CliLineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.line = new byte[maxLineBytes];
    }

    /**
     * The next line without its end, {@link #TOO_LONG} (compare by identity), or {@code null}
     * at the end of the stream.
     */
    String readLine() throws IOException {
        while (true) {
            int b = in.read();
            if (b < 0) {
                return length > 0 || overflowed ? take() : null;
            }
            boolean swallow = afterReturn && (b == '\n' || b == 0);
            afterReturn = false;
            if (swallow) {
                continue;
            }
            switch (b) {
                case '\n' -> {
                    return take();
                }
                case '\r' -> {
                    afterReturn = true;
                    return take();
                }
                case IAC -> {
                    int command = in.read();
                    if (command == IAC) {
                        append(IAC);
                    } else {
                        skipTelnetCommand(command);
                    }
                }
                default -> append(b);
            }
        }
    }

    private void skipTelnetCommand(int command) throws IOException {
        if (command >= WILL && command <= DONT) {
            in.read(); // the option
        } else if (command == SB) {
            int previous = 0;
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (previous == IAC && b == SE) {
                    return;
                }
                previous = previous == IAC && b == IAC ? 0 : b;
            }
        }
        // any other command (NOP, AYT, GA, ...) is two bytes, already read
    }

    private void append(int b) {
        if (length == line.length) {
            overflowed = true;
            return;
        }
        line[length++] = (byte) b;
    }

    private String take() {
        String text = overflowed ? TOO_LONG : new String(line, 0, length, StandardCharsets.UTF_8);
        length = 0;
        overflowed = false;
        return text;
    }
}
