package io.growthwatch.e2e.compat;

import io.growthwatch.e2e.ForkedJvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Privacy with the default settings: maps whose keys and values all contain a distinctive secret
 * leak until the agent reports them; the secret appears in no output of the agent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivacyTest {

    static final String PROGRAM = "com.acme.compat.privacy.SecretLeak";
    static final String SECRET = "s3cr3t-Kiwi-7Q9Z";

    ForkedJvm run;

    @BeforeAll
    void leakSecrets() throws Exception {
        run = ForkedJvm.java().agent("packages=com.acme.compat.privacy,interval=500ms,report=$REPORT")
                .classpath(ForkedJvm.TEST_CLASSES).main(PROGRAM, "14").run();
        assertThat(run.exitCode).as(run.toString()).isZero();
    }

    @Test
    void noMapKeyOrValueAppearsInAnyOutput() throws Exception {
        // the agent did report both maps, so there was output to leak into
        assertThat(run.events("leak-suspect")).as(run.toString()).extracting(e -> e.get("site").getAsString())
                .contains(ForkedJvm.siteOf(PROGRAM, "<init>", "byUser = new HashMap<>()"),
                        ForkedJvm.siteOf(PROGRAM, "<init>", "byPassword = new ConcurrentHashMap<>()"));
        assertThat(run.stderr).contains("leak-suspect").contains("summary (shutdown)");
        // and the alerts describe the keys (type and lengths), so there was key evidence to leak into too
        assertThat(run.events("leak-suspect")).extracting(e -> e.getAsJsonObject("keys").get("type").getAsString())
                .contains("String");
        String report = Files.readString(run.report, StandardCharsets.UTF_8);
        for (String output : new String[] {run.stdout, run.stderr, report}) {
            assertThat(output).doesNotContain(SECRET).doesNotContain("Kiwi-7Q9Z").doesNotContain("-password-")
                    .doesNotContain("-user-");
        }
    }

    @Test
    void reportFileIsCreatedReadableAndWritableByItsOwnerOnly() throws Exception {
        assertThat(run.report).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(run.report))).isEqualTo("rw-------");
    }
}
