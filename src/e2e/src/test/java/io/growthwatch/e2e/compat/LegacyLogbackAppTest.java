package io.growthwatch.e2e.compat;

/** The application's own logging with SLF4J 1.7.36 and logback 1.2.13 (versions: src/e2e/pom.xml). */
class LegacyLogbackAppTest extends AppLoggingTestBase {

    @Override
    String libs() {
        return "logging-legacy";
    }

    @Override
    String configFolder() {
        return "compat/logging-legacy";
    }

    @Override
    String linePrefix() {
        return "legacy-app ";
    }
}
