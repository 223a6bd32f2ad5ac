package com.acme.scenarios;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** The seed's second lesson: a spike to 1.6 million entries pruned back to thousands keeps its table. */
public final class SpikeAndDrain {

    private final Map<Integer, Boolean> sessions = new HashMap<>();

    public static void main(String[] args) throws InterruptedException {
        SpikeAndDrain app = new SpikeAndDrain();
        for (int i = 0; i < 1_600_000; i++) {
            app.sessions.put(i, Boolean.TRUE);
        }
        for (Iterator<Integer> it = app.sessions.keySet().iterator(); it.hasNext(); ) {
            if (it.next() >= 5_000) {
                it.remove();
            }
        }
        long n = Pace.run(Pace.seconds(args, 14), 1000, i -> app.sessions.put((int) (i % 5_000), Boolean.FALSE));
        System.out.println("spike and drain done updates=" + n + " size=" + app.sessions.size());
    }
}
