package io.vecta.runtime;

/** The runtime's version, taken from the jar's manifest when there is one. */
public final class Version {

    public static final String VERSION = readVersion();

    private Version() {
    }

    private static String readVersion() {
        String fromManifest = Version.class.getPackage().getImplementationVersion();
        return fromManifest != null ? fromManifest : "development build";
    }
}
