package com.acme.scenarios;

import java.util.HashMap;
import java.util.Map;

/** One leaky map filled from two call sites: a login path and a refresh path. */
public final class TwoInserters {

    private final Map<String, Long> seen = new HashMap<>();

    synchronized void login(String user) {
        seen.put("login:" + user, System.nanoTime());
    }

    synchronized void refresh(String token) {
        seen.putIfAbsent("refresh:" + token, System.nanoTime());
    }

    public static void main(String[] args) {
        TwoInserters app = new TwoInserters();
        long n = Pace.run(Pace.seconds(args, 16), 2000, i -> {
            if (i % 3 == 0) {
                app.refresh("t" + i);
            } else {
                app.login("u" + i);
            }
        });
        System.out.println("two inserters done calls=" + n + " size=" + app.seen.size());
    }
}
