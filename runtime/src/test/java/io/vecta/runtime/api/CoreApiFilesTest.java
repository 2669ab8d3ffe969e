package io.vecta.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.api.compiler.ApiCrc;
import io.vecta.api.compiler.ApiLoader;
import io.vecta.api.compiler.model.ApiFile;
import io.vecta.api.compiler.model.Message;
import io.vecta.runtime.SharedReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Vecta's own core {@code .api} files (runtime/src/main/api) define exactly VPP's messages:
 * every message, in VPP's order, with VPP's CRC, and the file's CRC, hence its message-range
 * name, equal to VPP's.
 */
class CoreApiFilesTest {

    private static final Path OURS = Path.of("src/main/api").toAbsolutePath();
    private static final Path REFERENCE = SharedReference.DIR;

    @ParameterizedTest
    @ValueSource(strings = {"vlibmemory/memclnt.api", "vlibmemory/vlib.api", "vpp/api/vpe.api",
            "vpp/api/vpe_types.api", "vnet/interface.api", "vnet/interface_types.api",
            "vnet/ethernet/ethernet_types.api", "vnet/ip/ip_types.api", "vnet/ip-neighbor/ip_neighbor.api",
            "vnet/fib/fib_types.api", "vnet/mfib/mfib_types.api", "vnet/ip/ip.api",
            "vnet/l2/l2.api"})
    void shouldDefineVppsMessagesWithVppsCrcs(String file) throws Exception {
        SharedReference.file("vpp-api-crc.tsv");
        ApiFile ours = new ApiLoader(List.of(OURS)).load(OURS.resolve(file));

        Map<String, String> got = new LinkedHashMap<>();
        for (Message message : ours.messages()) {
            got.put(message.name(), ApiCrc.hex(ApiCrc.message(message)));
        }
        Map<String, String> expected = new LinkedHashMap<>();
        try (Stream<String> lines = Files.lines(REFERENCE.resolve("vpp-api-crc.tsv"))) {
            lines.map(l -> l.split("\t")).filter(c -> c[0].equals("message") && c[1].equals(file))
                    .sorted((a, b) -> Integer.compare(Integer.parseInt(a[6]), Integer.parseInt(b[6])))
                    .forEach(c -> expected.put(c[3], c[4]));
        }
        assertThat(got).as("messages of %s in id order with their CRCs", file).containsExactlyEntriesOf(expected);

        String fileCrc;
        try (Stream<String> lines = Files.lines(REFERENCE.resolve("vpp-api-modules.tsv"))) {
            fileCrc = lines.map(l -> l.split("\t")).filter(c -> c[0].equals(file)).findFirst().orElseThrow()[3];
        }
        assertThat(ApiCrc.hex(ApiCrc.file(ours))).as("file CRC of %s", file).isEqualTo(fileCrc);
    }
}
