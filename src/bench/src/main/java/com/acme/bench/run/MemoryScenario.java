package com.acme.bench.run;

import java.util.List;

/**
 * One memory probe run: the arguments of {@code com.acme.bench.memory.MemoryProbe}.
 *
 * @param id   short name for {@code -only}
 * @param args the probe's arguments
 */
record MemoryScenario(String id, List<String> args) {

    /** The scenarios of issue 5's memory benchmark at the sizes of {@code settings}. */
    static List<MemoryScenario> all(RunSettings settings) {
        return List.of(
                new MemoryScenario("memory-live", List.of("live", String.valueOf(settings.liveMaps()))),
                new MemoryScenario("memory-sites", List.of("sites", String.valueOf(settings.sites()),
                        String.valueOf(settings.mapsPerSite()))),
                new MemoryScenario("memory-short", List.of("short", String.valueOf(settings.shortFirst()),
                        String.valueOf(settings.shortTotal()))));
    }
}
