/**
 * The HTML report: {@code ReportData} reads the JSON-lines events back (whatever it can, saying what
 * it could not), {@code HtmlReport} renders one self-contained page of them (a sortable table of sites,
 * per site a chart of live entries with its alerts marked, inserts against removes, the alert's
 * fields). Used by the {@code report} command and by the live page next to {@code /metrics}.
 * May use: Gson, {@code java.base}.
 */
package io.growthwatch.core.page;
