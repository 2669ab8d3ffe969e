package io.vecta.sdk.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vecta.sdk.annotation.NodeType;
import io.vecta.sdk.annotation.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameAndOutcomeTest {

    private enum Error { FIRST, SECOND }

    @Test
    void shouldRefuseTheTwoHundredFiftySeventhBuffer() {
        Frame frame = new Frame();
        for (int i = 0; i < Frame.CAPACITY; i++) {
            frame.add(i + 1);
        }
        assertThat(frame.isFull()).isTrue();
        assertThatThrownBy(() -> frame.add(7)).hasMessageContaining("full (256 buffers)");
        assertThatThrownBy(() -> frame.setCount(257)).hasMessageContaining("0 to 256");
        frame.clear();
        assertThat(frame.count()).isZero();
    }

    @Test
    void shouldPackNextAndErrorIntoOneInt() {
        int outcome = Outcome.withError(3, Error.SECOND);
        assertThat(Outcome.next(outcome)).isEqualTo(3);
        assertThat(Outcome.errorSlot(outcome)).isEqualTo(2);
        assertThat(Outcome.errorSlot(5)).isZero();
        assertThat(Outcome.next(5)).isEqualTo(5);
    }

    @Test
    void shouldRefuseSiblingWithOwnNextsAndErrorsOutOfOrder() {
        assertThatThrownBy(() -> new NodeDescriptor("a", NodeType.INTERNAL, List.of("x"), "b", List.of(),
                Void.class, () -> (ctx, f) -> 0))
                .hasMessageContaining("sibling of 'b'");
        ErrorDescriptor second = new ErrorDescriptor(1, "SECOND", "second", Severity.ERROR);
        assertThatThrownBy(() -> new NodeDescriptor("a", NodeType.INTERNAL, List.of(), "", List.of(second),
                Void.class, () -> (ctx, f) -> 0))
                .hasMessageContaining("position 0 has code 1");
        assertThatThrownBy(() -> new ErrorDescriptor(0, "X", " ", Severity.INFO))
                .hasMessageContaining("error 'X' has no description");
    }
}
