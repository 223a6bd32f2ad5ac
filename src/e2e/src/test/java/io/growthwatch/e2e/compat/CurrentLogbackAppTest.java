package io.growthwatch.e2e.compat;

/** The application's own logging with SLF4J 2.0 and logback 1.5, the versions the agent shades too. */
class CurrentLogbackAppTest extends AppLoggingTestBase {

    @Override
    String libs() {
        return "logging-current";
    }

    @Override
    String configFolder() {
        return "compat/logging-current";
    }

    @Override
    String linePrefix() {
        return "current-app ";
    }
}
