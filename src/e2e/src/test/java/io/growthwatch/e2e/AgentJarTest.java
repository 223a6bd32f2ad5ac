package io.growthwatch.e2e;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged agent jar: self-contained, every dependency relocated, internals hidden. */
class AgentJarTest {

    @Test
    void manifestNamesTheEntryPointsAndAllowsRetransformation() throws Exception {
        try (JarFile jar = new JarFile(ForkedJvm.AGENT_JAR.toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertThat(main.getValue("Premain-Class")).isEqualTo("io.growthwatch.agent.GrowthwatchAgent");
            assertThat(main.getValue("Agent-Class")).isEqualTo("io.growthwatch.agent.GrowthwatchAgent");
            assertThat(main.getValue("Can-Retransform-Classes")).isEqualTo("true");
        }
    }

    @Test
    void noDependencyStaysAtItsOriginalPath() throws Exception {
        try (JarFile jar = new JarFile(ForkedJvm.AGENT_JAR.toFile())) {
            List<String> names = jar.stream().map(ZipEntry::getName).toList();
            assertThat(names).noneMatch(n -> n.matches("(inst/)?(net/bytebuddy|org/objectweb|org/slf4j|ch/qos/logback|com/google/gson)/.*"));
            assertThat(names).contains("inst/io/growthwatch/shaded/bytebuddy/agent/ByteBuddyAgent.classdata",
                    "inst/io/growthwatch/shaded/logback/classic/LoggerContext.classdata",
                    "inst/io/growthwatch/shaded/slf4j/Logger.classdata");
        }
    }

    @Test
    void onlyTheLauncherAndTheBootstrapHooksAreVisibleClasses() throws Exception {
        try (JarFile jar = new JarFile(ForkedJvm.AGENT_JAR.toFile())) {
            List<String> visible = jar.stream().map(ZipEntry::getName)
                    .filter(n -> n.endsWith(".class") || (n.startsWith("META-INF/") && !n.endsWith("/"))).toList();
            assertThat(visible).allMatch(n -> n.startsWith("io/growthwatch/agent/") || n.startsWith("io/growthwatch/bootstrap/")
                    || n.equals("META-INF/MANIFEST.MF"));
            assertThat(visible).contains("io/growthwatch/bootstrap/Hooks.class");
        }
    }
}
