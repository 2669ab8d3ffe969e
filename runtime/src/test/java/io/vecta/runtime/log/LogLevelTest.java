package io.vecta.runtime.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LogLevelTest {

    @Test
    void shouldMapSystemLoggerLevelsOntoVppsLevels() {
        assertThat(LogLevel.of(System.Logger.Level.ERROR)).isEqualTo(LogLevel.ERROR);
        assertThat(LogLevel.of(System.Logger.Level.WARNING)).isEqualTo(LogLevel.WARN);
        assertThat(LogLevel.of(System.Logger.Level.INFO)).isEqualTo(LogLevel.INFO);
        assertThat(LogLevel.of(System.Logger.Level.DEBUG)).isEqualTo(LogLevel.DEBUG);
        assertThat(LogLevel.of(System.Logger.Level.TRACE)).isEqualTo(LogLevel.DEBUG);
        assertThat(LogLevel.of(System.Logger.Level.OFF)).isEqualTo(LogLevel.DISABLED);
    }

    @Test
    void shouldPassRecordsAsSevereAsTheThresholdOrMore() {
        assertThat(LogLevel.ERROR.passes(LogLevel.WARN)).isTrue();
        assertThat(LogLevel.WARN.passes(LogLevel.WARN)).isTrue();
        assertThat(LogLevel.INFO.passes(LogLevel.NOTICE)).isFalse();
        assertThat(LogLevel.ERROR.passes(LogLevel.CRIT)).isFalse();
        assertThat(LogLevel.EMERG.passes(LogLevel.DISABLED)).isFalse();
        assertThat(LogLevel.DISABLED.passes(LogLevel.DEBUG)).isFalse();
    }

    @Test
    void shouldParseVppsNamesAndRefuseOthersNamingTheLevels() {
        assertThat(LogLevel.parse("emerg")).isEqualTo(LogLevel.EMERG);
        assertThat(LogLevel.parse("err")).isEqualTo(LogLevel.ERROR);
        assertThat(LogLevel.parse("error")).isEqualTo(LogLevel.ERROR);
        assertThat(LogLevel.parse("WARN")).isEqualTo(LogLevel.WARN);
        assertThat(LogLevel.parse("notice")).isEqualTo(LogLevel.NOTICE);
        assertThat(LogLevel.parse("debug")).isEqualTo(LogLevel.DEBUG);
        assertThatThrownBy(() -> LogLevel.parse("verbose"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown log level 'verbose' (levels: emerg, alert, crit, error, warn, notice, info, "
                        + "debug, disabled)");
    }
}
