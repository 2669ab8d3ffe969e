package io.vecta.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.VectaRuntime;
import io.vecta.runtime.api.client.ApiConnection;
import io.vecta.runtime.api.core.vlib.CliInband;
import io.vecta.runtime.api.core.vlib.CliInbandReply;
import io.vecta.runtime.config.RuntimeDirectory;
import io.vecta.runtime.config.StartupConfigParser;
import io.vecta.sdk.api.ApiCodecs;
import java.nio.file.Path;

/**
 * A runtime serving its API socket in {@code dir}, its main loop on a thread of its own, and one
 * client connected with {@code codecs} (vlib's among them, for {@link #cli}), its table checked.
 */
final class ServedRuntime implements AutoCloseable {

    final VectaRuntime runtime;
    final ApiConnection api;
    private final Thread main;

    ServedRuntime(Path dir, ApiCodecs codecs) {
        runtime = VectaRuntime.start(new StartupConfigParser(new RuntimeDirectory(dir)).parse("test.conf",
                "buffers { page-size 4k buffers-per-numa 2048 }\nsocksvr { default }\n"));
        main = Thread.ofPlatform().start(runtime::run);
        api = ApiConnection.connect(dir.resolve("api.sock"), "agent", codecs);
        api.tableCheck().requireCompatible();
    }

    /** Runs {@code line} through {@code cli_inband}, which must succeed; its output. */
    String cli(String line) {
        CliInbandReply reply = api.call(new CliInband(0, 0, line), CliInbandReply.CODEC);
        assertThat(reply.retval()).as("'%s': %s", line, reply.reply()).isZero();
        return reply.reply();
    }

    @Override
    public void close() throws InterruptedException {
        api.close();
        runtime.stop();
        main.join();
        runtime.close();
    }
}
