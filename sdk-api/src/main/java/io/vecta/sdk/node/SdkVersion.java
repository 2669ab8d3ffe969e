package io.vecta.sdk.node;

/**
 * A version of the SDK, {@code major.minor.patch}, and the rule deciding whether a plugin
 * built against one SDK version runs on another.
 *
 * <p>The rule: same major, and the plugin's minor at most the runtime's. A minor release only
 * adds to the SDK, so a runtime runs plugins built against any older minor of its major; a
 * plugin built against a newer minor may call what the runtime lacks. Patches never matter.
 * (VPP compares a version string for equality, which breaks every plugin on every upgrade.)
 *
 * <p>The processor copies {@link #MAJOR}, {@link #MINOR} and {@link #PATCH} of the sdk-api
 * on a plugin's class path into its registration at compile time.
 */
public record SdkVersion(int major, int minor, int patch) implements Comparable<SdkVersion> {

    /** This SDK's major version. */
    public static final int MAJOR = 0;
    /** This SDK's minor version. */
    public static final int MINOR = 1;
    /** This SDK's patch version. */
    public static final int PATCH = 0;
    /** This SDK's version. */
    public static final SdkVersion CURRENT = new SdkVersion(MAJOR, MINOR, PATCH);

    /** Checks that no part is negative. */
    public SdkVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("SDK version parts must not be negative: " + major + "." + minor
                    + "." + patch);
        }
    }

    /**
     * Parses {@code major.minor.patch}.
     *
     * @throws IllegalArgumentException if {@code text} is not three non-negative numbers
     */
    public static SdkVersion parse(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("SDK version '" + text + "' is not major.minor.patch");
        }
        try {
            return new SdkVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SDK version '" + text + "' is not major.minor.patch", e);
        }
    }

    /** Whether a plugin built against {@code pluginBuiltAgainst} runs on this (the runtime's) version. */
    public boolean accepts(SdkVersion pluginBuiltAgainst) {
        return pluginBuiltAgainst.major == major && pluginBuiltAgainst.minor <= minor;
    }

    /**
     * Checks that a plugin fits this runtime version.
     *
     * @throws IllegalStateException naming the plugin and both versions if it does not
     */
    public void checkCompatible(String plugin, SdkVersion pluginBuiltAgainst) {
        if (!accepts(pluginBuiltAgainst)) {
            String why = pluginBuiltAgainst.major != major
                    ? "the major versions differ"
                    : "the plugin needs a newer minor version";
            throw new IllegalStateException("plugin '" + plugin + "' was built against Vecta SDK " + pluginBuiltAgainst
                    + " and cannot run on SDK " + this + ": " + why + " (a runtime runs plugins of its major version"
                    + " built against its minor version or older)");
        }
    }

    @Override
    public int compareTo(SdkVersion other) {
        int byMajor = Integer.compare(major, other.major);
        if (byMajor != 0) {
            return byMajor;
        }
        int byMinor = Integer.compare(minor, other.minor);
        return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
