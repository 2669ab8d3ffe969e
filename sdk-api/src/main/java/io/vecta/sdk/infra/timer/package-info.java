/**
 * Timer wheels: many timers per object with O(1) start, stop and update, for session and flow
 * timeouts, retransmissions and process-node wake-ups, in the manner of VPP's
 * {@code vppinfra/tw_timer_template} family.
 *
 * <p>A {@link io.vecta.sdk.infra.timer.TimerWheelShape} fixes timers per object (1, 2, 4, 8 or
 * 16), wheels (1 to 3), slots per wheel (a power of two) and whether an overflow list holds
 * intervals beyond the wheels' range; VPP's usual templates are named constants such as
 * {@link io.vecta.sdk.infra.timer.TimerWheelShape#TW_2T_1W_2048SL}. A
 * {@link io.vecta.sdk.infra.timer.TimerWheel} of that shape returns, on expiry, the 32-bit user
 * handle (object index and timer id) each timer was started with, in batches copied into an
 * array the caller owns.
 *
 * <p>The wheel reads no clock: the caller passes the current tick to
 * {@link io.vecta.sdk.infra.timer.TimerWheel#expire}, which makes it testable without sleeping.
 * {@link io.vecta.sdk.infra.timer.TickConverter} turns nanosecond clock readings into ticks.
 *
 * <p><b>Threads.</b> A wheel belongs to one thread and takes no locks. Start, stop, update and
 * expire allocate nothing once the wheel has grown to its working size.
 */
package io.vecta.sdk.infra.timer;
