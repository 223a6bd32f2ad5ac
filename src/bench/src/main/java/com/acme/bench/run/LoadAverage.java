package com.acme.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load average, to tell a quiet run from one that shared the CPUs with builds. */
final class LoadAverage {

    private LoadAverage() {
    }

    /** The 1, 5 and 15 minute load averages from {@code /proc/loadavg}, or "n/a". */
    static String read() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }
}
