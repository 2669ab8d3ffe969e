package io.vecta.sdk.node;

/**
 * Turns a feature of a feature arc on or off for one interface, for a plugin's own commands and
 * API handlers (VPP's {@code vnet_feature_enable_disable}): a plugin offers
 * {@code acme enable-disable <interface>} by asking the runtime for this service. Enabled
 * features run in their arc's declared order, whatever the order they were enabled in.
 *
 * <pre>{@code
 * @CliCommand(path = "acme inspect", shortHelp = "acme inspect <interface> [disable]")
 * public static void inspect(CliContext ctx, CliInput in, CliOutput out) {
 *     String name = in.interfaceName("interface");
 *     boolean enable = !in.keyword("disable");
 *     in.expectEnd();
 *     InterfaceFeatures features = ctx.service(InterfaceFeatures.class)
 *             .orElseThrow(() -> new CliException("this runtime runs no feature arcs"));
 *     try {
 *         features.enableDisable("ip4-unicast", "acme-inspect", name, enable);
 *     } catch (IllegalArgumentException e) {
 *         throw new CliException(e.getMessage());
 *     }
 * }
 * }</pre>
 */
public interface InterfaceFeatures {

    /**
     * Enables ({@code enable}) or disables feature node {@code feature} of arc {@code arc} on
     * the interface named {@code interfaceName}; enabling an enabled feature or disabling a
     * disabled one changes nothing.
     *
     * @throws IllegalArgumentException naming what is unknown: the interface, the arc, or a
     *                                  feature that is not on that arc
     */
    void enableDisable(String arc, String feature, String interfaceName, boolean enable);
}
