package io.vecta.sdk.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a class as the handler of a startup.conf section of the plugin's own, as VPP's
 * {@code VLIB_CONFIG_FUNCTION} does. The processor lists it in the plugin's registration; the
 * runtime hands it the section (an empty one when the file has none) before the graph starts,
 * and warns about no section a loaded plugin declares.
 *
 * <p>The class is public, implements {@code io.vecta.sdk.config.ConfigSectionHandler}, has a
 * public no-argument constructor, and declares the keys its section accepts in a
 * {@code public static final ConfigKeys KEYS} field, from which the runtime reports unknown
 * keys with the list of valid ones:
 * <pre>{@code
 * @ConfigSection(name = "acme", help = "flow table of the acme plugin")
 * public final class AcmeConfig implements ConfigSectionHandler {
 *     public static final ConfigKeys KEYS = ConfigKeys.builder()
 *             .value("flows", "N").flag("strict").build();
 *
 *     public void configure(ConfigBlock acme) {
 *         AcmeSettings.flows = acme.intValue("flows", 1, 1 << 24).orElse(1024);
 *     }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ConfigSection {

    /** The section's name in startup.conf: one word. */
    String name();

    /** One line on what the section configures. */
    String help();
}
