package io.vecta.runtime.cli.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CliProtocolTest {

    @Test
    void shouldReadBackEveryHeaderItWrites() {
        for (boolean failed : new boolean[] {false, true}) {
            for (boolean ends : new boolean[] {false, true}) {
                for (int length : new int[] {0, 1, 4096, CliProtocol.ReplyHeader.MAX_LENGTH}) {
                    CliProtocol.ReplyHeader header = new CliProtocol.ReplyHeader(failed, length, ends);
                    String line = new String(header.encode(), StandardCharsets.UTF_8);
                    assertThat(line).endsWith("\n");
                    assertThat(CliProtocol.ReplyHeader.parse(line.substring(0, line.length() - 1))).isEqualTo(header);
                }
            }
        }
    }

    @Test
    void shouldRefuseALineThatIsNotAHeaderAndShowItsControlBytes() {
        assertThatThrownBy(() -> CliProtocol.ReplyHeader.parse("vecta# show"))
                .hasMessage("CLI reply: not a reply header: 'vecta# show'");
        assertThatThrownBy(() -> CliProtocol.ReplyHeader.parse("\u0001ok -1 continue"))
                .hasMessage("CLI reply: not a reply header: '\\x01ok -1 continue'");
        assertThatThrownBy(() -> CliProtocol.ReplyHeader.parse("\u0001ok 9999999999 continue"))
                .hasMessage("CLI reply: output length 9999999999 over the limit of 1073741824");
    }

    @Test
    void shouldCarryThePromptInTheAnswerToTheHandshakeAndTheReasonInARefusal() {
        String accepted = CliProtocol.answerHandshake(CliProtocol.HANDSHAKE, "lab# ");
        assertThat(CliProtocol.acceptedPrompt(accepted.substring(0, accepted.length() - 1))).isEqualTo("lab# ");

        String refused = CliProtocol.answerHandshake("\u0001vectactl 2", "lab# ");
        assertThatThrownBy(() -> CliProtocol.acceptedPrompt(refused.substring(0, refused.length() - 1)))
                .hasMessage("the runtime refused the session: protocol version '2' not spoken, this runtime speaks 1");
    }
}
