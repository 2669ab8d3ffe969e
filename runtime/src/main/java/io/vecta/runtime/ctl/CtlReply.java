package io.vecta.runtime.ctl;

import java.nio.charset.StandardCharsets;

/**
 * What the runtime answered to one command line.
 *
 * @param output       the command's output, UTF-8 bytes as the runtime sent them
 * @param failed       whether the command failed
 * @param sessionEnded whether the runtime closed the session after this reply ({@code quit},
 *                     {@code halt})
 */
public record CtlReply(byte[] output, boolean failed, boolean sessionEnded) {

    /** The output as text. */
    public String text() {
        return new String(output, StandardCharsets.UTF_8);
    }
}
