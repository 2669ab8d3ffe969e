package io.vecta.runtime.afpacket;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.interfaces.RxMode;
import org.junit.jupiter.api.Test;

class AfPacketRxQueueTest {

    @Test
    void shouldPollAnAdaptiveQueueAfterABusyCallAndWaitForInterruptsAfterEnoughEmptyPolls() {
        AfPacketRxQueue queue = new AfPacketRxQueue(RxMode.ADAPTIVE);
        assertThat(queue.polls()).isFalse();
        assertThat(queue.afterCall(AfPacketRxQueue.POLLING_THRESHOLD - 1)).isFalse();
        assertThat(queue.polls()).isFalse();

        assertThat(queue.afterCall(AfPacketRxQueue.POLLING_THRESHOLD)).isTrue();
        assertThat(queue.polls()).isTrue();

        for (int poll = 1; poll < AfPacketRxQueue.IDLE_POLLS; poll++) {
            assertThat(queue.afterCall(0)).as("empty poll %d", poll).isFalse();
        }
        // one frame starts the count again
        assertThat(queue.afterCall(1)).isFalse();
        for (int poll = 1; poll < AfPacketRxQueue.IDLE_POLLS; poll++) {
            assertThat(queue.afterCall(0)).as("empty poll %d after a frame", poll).isFalse();
        }
        assertThat(queue.polls()).isTrue();
        assertThat(queue.afterCall(0)).isTrue();
        assertThat(queue.polls()).isFalse();
        assertThat(queue.mode()).isEqualTo(RxMode.ADAPTIVE);
    }

    @Test
    void shouldNeverSwitchAQueueInPollingOrInterruptMode() {
        AfPacketRxQueue polling = new AfPacketRxQueue(RxMode.POLLING);
        AfPacketRxQueue interrupt = new AfPacketRxQueue(RxMode.INTERRUPT);
        for (int frames : new int[] {256, 0, 0, 10}) {
            assertThat(polling.afterCall(frames)).isFalse();
            assertThat(interrupt.afterCall(frames)).isFalse();
        }
        assertThat(polling.polls()).isTrue();
        assertThat(polling.watched()).isFalse();
        assertThat(interrupt.polls()).isFalse();
        assertThat(interrupt.watched()).isTrue();
    }

    @Test
    void shouldForgetAdaptivePollingWhenTheModeIsSetAgain() {
        AfPacketRxQueue queue = new AfPacketRxQueue(RxMode.ADAPTIVE);
        queue.afterCall(200);
        queue.setMode(RxMode.ADAPTIVE);
        assertThat(queue.polls()).isFalse();
        queue.setMode(RxMode.POLLING);
        assertThat(queue.polls()).isTrue();
        assertThat(queue.afterCall(0)).isFalse();
    }
}
