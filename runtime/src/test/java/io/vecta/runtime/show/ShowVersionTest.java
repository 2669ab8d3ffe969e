package io.vecta.runtime.show;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.Version;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

class ShowVersionTest {

    private static Manifest manifest() {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Built-By", "alice");
        main.putValue("Build-Host", "build-1");
        main.putValue("Build-Date", "2026-11-25T20:14:34Z");
        main.putValue("Build-Location", "/home/alice/vecta");
        main.putValue("Build-Jdk", "25.0.3");
        return manifest;
    }

    @Test
    void shouldPrintVppsVersionFieldsFromTheManifest() {
        BuildInfo build = BuildInfo.of("0.1.0", manifest());

        assertThat(ShowVersion.format(build, false, 21577, "25.0.3+9-LTS", "OpenJDK 64-Bit Server VM"))
                .isEqualTo("vecta 0.1.0 built by alice on build-1 at 2026-11-25T20:14:34Z\n");
        assertThat(ShowVersion.format(build, true, 21577, "25.0.3+9-LTS", "OpenJDK 64-Bit Server VM 25.0.3+9-LTS"))
                .isEqualTo("""
                        Version:                  0.1.0
                        Compiled by:              alice
                        Compile host:             build-1
                        Compile date:             2026-11-25T20:14:34Z
                        Compile location:         /home/alice/vecta
                        Compiler:                 javac 25.0.3
                        Current PID:              21577
                        Java version:             25.0.3+9-LTS
                        Java VM:                  OpenJDK 64-Bit Server VM 25.0.3+9-LTS
                        """);
    }

    @Test
    void shouldLeaveOutWhatABuildWithoutManifestDidNotRecord() {
        BuildInfo build = BuildInfo.runtime();

        assertThat(build.version()).isEqualTo(Version.VERSION);
        assertThat(build.builtBy()).as("tests run from class directories").isEqualTo(BuildInfo.UNKNOWN);
        assertThat(ShowVersion.format(build, false)).isEqualTo("vecta " + Version.VERSION + "\n");
        String verbose = ShowVersion.format(build, true);
        assertThat(verbose).contains("Compiled by:              -\n")
                .contains("Compiler:                 -\n")
                .contains("Current PID:              " + ProcessHandle.current().pid() + "\n")
                .contains("Java version:             " + Runtime.version() + "\n")
                .contains("Java VM:                  " + System.getProperty("java.vm.name"));
    }
}
