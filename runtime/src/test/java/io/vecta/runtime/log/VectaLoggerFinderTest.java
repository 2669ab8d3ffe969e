package io.vecta.runtime.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class VectaLoggerFinderTest {

    @Test
    void shouldBeTheJvmsLoggerFinderSoThatSystemGetLoggerReachesTheGlobalRouter() {
        assertThat(ServiceLoader.load(System.LoggerFinder.class).stream().map(ServiceLoader.Provider::type))
                .contains(VectaLoggerFinder.class);
        assertThat(System.LoggerFinder.getLoggerFinder()).isInstanceOf(VectaLoggerFinder.class);
        String name = "io.vecta.test.finder-" + System.nanoTime();

        System.getLogger(name).log(System.Logger.Level.INFO, "through the facade");

        assertThat(LogRouter.global().entries()).anySatisfy(entry -> {
            assertThat(entry.logClass()).isEqualTo(name.substring("io.vecta.".length()));
            assertThat(entry.message()).isEqualTo("through the facade");
            assertThat(entry.level()).isEqualTo(LogLevel.INFO);
        });
    }
}
