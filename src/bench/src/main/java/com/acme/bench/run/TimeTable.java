package com.acme.bench.run;

import java.util.Map;

/** The table of per-operation times: medians per configuration, ratios to no agent, budget verdicts. */
final class TimeTable {

    private final MarkdownTable table = new MarkdownTable("code", "benchmark", "threads>", "no agent>",
            "agent, no match>", "agent, tracking>", "no match vs none>", "tracking vs none>", "tracking vs none, per fork>",
            "B/op none / no match / tracking>", "GC ms per fork>", "budget", "verdict", "others' CPU>");

    /** Adds the row of {@code spec}. */
    void add(BenchSpec spec, Map<AgentConfig, Measurement> results) {
        Measurement none = results.get(AgentConfig.NONE);
        Measurement nomatch = results.get(AgentConfig.NOMATCH);
        Measurement tracking = results.get(AgentConfig.TRACKING);
        String code = spec.id().startsWith("tracked") ? "tracked" : "outside";
        table.row(code, spec.title(), String.valueOf(spec.threads()),
                cell(none), cell(nomatch), cell(tracking),
                versus(none, nomatch), versus(none, tracking), perFork(none, tracking),
                triple(none, nomatch, tracking, Measurement::bytesPerOp), triple(none, nomatch, tracking, Measurement::gcMillis),
                spec.budget().text(), spec.budget().verdict(none, tracking), OtherLoad.cell(none, nomatch, tracking));
    }

    /** The table in Markdown. */
    String render() {
        return table.render();
    }

    private static String cell(Measurement m) {
        return m == null ? "failed" : Numbers.withError(m) + " " + unit(m);
    }

    /** Relative and absolute difference of {@code other} over {@code base}. */
    private static String versus(Measurement base, Measurement other) {
        if (base == null || other == null) {
            return "—";
        }
        return Numbers.percent(other.median() / base.median() - 1) + " (" + Numbers.signed(other.median() - base.median())
                + " " + unit(other) + ")";
    }

    /** The range of each tracking fork's median over the median of all no-agent forks. */
    private static String perFork(Measurement base, Measurement other) {
        if (base == null || other == null || other.forkMedians().size() < 2) {
            return "—";
        }
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double fork : other.forkMedians()) {
            double ratio = fork / base.median() - 1;
            min = Math.min(min, ratio);
            max = Math.max(max, ratio);
        }
        return Numbers.percent(min) + " … " + Numbers.percent(max) + " (" + other.forkMedians().size() + " forks)";
    }

    private static String triple(Measurement a, Measurement b, Measurement c, java.util.function.ToDoubleFunction<Measurement> f) {
        return value(a, f) + " / " + value(b, f) + " / " + value(c, f);
    }

    private static String value(Measurement m, java.util.function.ToDoubleFunction<Measurement> f) {
        double v = m == null ? Double.NaN : f.applyAsDouble(m);
        return Double.isNaN(v) ? "—" : Numbers.value(v);
    }

    private static String unit(Measurement m) {
        return m.unit().replace("/op", "");
    }
}
