package com.acme.bench.run;

import java.util.Locale;
import java.util.Map;

/** The startup table: single-shot medians per configuration and the time the agent adds. */
final class ShotTable {

    private final MarkdownTable table = new MarkdownTable("benchmark", "no agent>", "agent, no match>",
            "agent, tracking>", "added, no match>", "added, tracking>", "budget", "verdict", "others' CPU>");
    private final int classes;

    /** Creates the table; {@code classes} is the number of classes the instrumentation row defines. */
    ShotTable(int classes) {
        this.classes = classes;
    }

    /** Adds the row of {@code spec}. */
    void add(BenchSpec spec, Map<AgentConfig, Measurement> results) {
        Measurement none = results.get(AgentConfig.NONE);
        Measurement nomatch = results.get(AgentConfig.NOMATCH);
        Measurement tracking = results.get(AgentConfig.TRACKING);
        boolean perClass = spec.kind() == BenchSpec.Kind.CLASSES;
        String title = perClass ? String.format(Locale.ROOT, "%s (%,d classes)", spec.title(), classes) : spec.title();
        table.row(title, cell(none), cell(nomatch), cell(tracking),
                added(none, nomatch, perClass), added(none, tracking, perClass),
                spec.budget().text(), spec.budget().verdict(none, tracking), OtherLoad.cell(none, nomatch, tracking));
    }

    /** The table in Markdown. */
    String render() {
        return table.render();
    }

    private static String cell(Measurement m) {
        return m == null ? "failed" : Numbers.withError(m) + " ms";
    }

    private String added(Measurement base, Measurement other, boolean perClass) {
        if (base == null || other == null) {
            return "—";
        }
        double millis = other.median() - base.median();
        String text = Numbers.signed(millis) + " ms";
        return perClass ? text + String.format(Locale.ROOT, " (%+.0f µs/class)", millis * 1000 / classes) : text;
    }
}
