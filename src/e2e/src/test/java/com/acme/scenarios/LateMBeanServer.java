package com.acme.scenarios;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

/**
 * A program that makes no MBean server for its first second and a half, then makes the platform
 * one: prints how many MBean servers existed before, and how long the agent's bean took to appear.
 */
public final class LateMBeanServer {

    private static final Map<String, Integer> COUNTS = new HashMap<>();

    public static void main(String[] args) throws Exception {
        Pace.run(1.5, 200, i -> COUNTS.merge("k" + (i % 10), 1, Integer::sum));
        System.out.println("MBean servers before=" + MBeanServerFactory.findMBeanServer(null).size());
        long made = System.nanoTime();
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("growthwatch:type=Sites");
        for (int i = 0; i < 100 && !server.isRegistered(name); i++) {
            Thread.sleep(20);
        }
        System.out.println("bean registered=" + server.isRegistered(name) + " after="
                + (System.nanoTime() - made) / 1_000_000 + "ms");
    }
}
