package com.acme.scenarios;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A leak too slow for the fine window: 150 new keys a second into a map, beside a map of 5,000
 * entries churned at random. With {@code reaped} as the second argument the slow map drops keys
 * older than two seconds: the bounded twin, which must stay quiet.
 */
public final class SlowLeak {

    private final Map<Long, Long> slow = new HashMap<>();
    private final Map<Integer, Integer> churned = new HashMap<>();
    private final boolean reaped;

    SlowLeak(boolean reaped) {
        this.reaped = reaped;
        for (int i = 0; i < 5_000; i++) {
            churned.put(i, i);
        }
    }

    synchronized void step(long i) {
        if (i % 20 == 0) {
            slow.put(i / 20, System.currentTimeMillis());
            if (reaped) {
                slow.remove(i / 20 - 300);
            }
        }
        int k = ThreadLocalRandom.current().nextInt(10_000);
        if (churned.size() < 5_000) {
            churned.put(k, k);
        } else {
            churned.remove(k);
        }
    }

    public static void main(String[] args) {
        SlowLeak leak = new SlowLeak(args.length > 1 && args[1].equals("reaped"));
        long n = Pace.run(Pace.seconds(args, 20), 3000, leak::step);
        System.out.println("slow leak done steps=" + n + " slow=" + leak.slow.size() + " churned=" + leak.churned.size());
    }
}
