package com.acme.scenarios;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Three sites of different sizes for the HTML report: a leak, a churned cache of steady size, a small table. */
public final class ReportShowcase {

    private final Map<String, Long> leak = new HashMap<>();
    private final Map<Integer, String> churned = new ConcurrentHashMap<>();
    private final Map<String, String> settings = new HashMap<>();

    synchronized void step(long i) {
        leak.put("request-" + i, i);
        int k = ThreadLocalRandom.current().nextInt(3_000);
        if (churned.size() < 2_000) {
            churned.put(k, "v");
        } else {
            churned.remove(k);
        }
        settings.put("setting-" + (i % 20), "on");
    }

    public static void main(String[] args) {
        ReportShowcase showcase = Pace.keepUntilExit(new ReportShowcase());
        long n = Pace.run(Pace.seconds(args, 12), 2000, showcase::step);
        System.out.println("report showcase done steps=" + n + " leak=" + showcase.leak.size());
    }
}
