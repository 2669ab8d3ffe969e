package io.vecta.runtime.config;

import io.vecta.sdk.config.ConfigBlock;
import io.vecta.sdk.config.ConfigKeys;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code node { }} section: which code variant (VPP's per-CPU-feature builds such as
 * {@code avx2}, {@code avx512}) graph nodes use, for all nodes and for single ones.
 * <pre>
 * node {
 *   default { variant avx512 }
 *   ip4-rewrite { variant avx2 }
 * }
 * </pre>
 * Kept as the block it is: which variants exist is up to the nodes, and node names are only
 * known once the graph is built, so nothing here is checked beyond the syntax.
 *
 * @param block the section as read
 */
public record NodeConfig(ConfigBlock block) {

    /** The section's name. */
    public static final String SECTION = "node";

    private static final ConfigKeys VARIANT = ConfigKeys.builder().value("variant", "NAME").build();

    /** The keys the section accepts: {@code default { }} and a block under any node's name. */
    public static final ConfigKeys KEYS = ConfigKeys.builder()
            .block("default", VARIANT)
            .otherBlocks("NODE", VARIANT)
            .build();

    /** Checks the block. */
    public NodeConfig {
        Objects.requireNonNull(block, "block");
    }

    /** Reads the section. */
    public static NodeConfig from(ConfigBlock node) {
        return new NodeConfig(node);
    }

    /** The variant for every node, if given. */
    public Optional<String> defaultVariant() {
        return block.blocks("default").stream().map(b -> b.value("variant")).flatMap(Optional::stream)
                .reduce((first, second) -> second);
    }

    /** The variants given for single nodes, by node name, in file order; a later one for a node wins. */
    public Map<String, String> nodeVariants() {
        Map<String, String> variants = new LinkedHashMap<>();
        for (ConfigBlock node : block.otherBlocks()) {
            node.value("variant").ifPresent(variant -> variants.put(node.key(), variant));
        }
        return Collections.unmodifiableMap(variants);
    }
}
