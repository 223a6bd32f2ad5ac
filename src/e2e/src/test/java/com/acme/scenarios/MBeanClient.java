package com.acme.scenarios;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import javax.management.Attribute;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/** Reads and changes the agent's MBean through the platform MBean server, beside a leak. */
public final class MBeanClient {

    private static final Map<String, Integer> LEAK = new HashMap<>();

    public static void main(String[] args) throws Exception {
        Thread leak = new Thread(() -> Pace.run(Pace.seconds(args, 14), 2000, i -> {
            synchronized (LEAK) {
                LEAK.put("k" + i, 1);
            }
        }));
        leak.start();
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("growthwatch:type=Sites");
        for (int i = 0; i < 100 && !server.isRegistered(name); i++) {
            Thread.sleep(100);
        }
        System.out.println("window=" + server.getAttribute(name, "Window"));
        server.setAttribute(name, new Attribute("Window", 6));
        System.out.println("window after set=" + server.getAttribute(name, "Window"));
        leak.join();
        CompositeData[] sites = (CompositeData[]) server.getAttribute(name, "Sites");
        for (CompositeData site : sites) {
            System.out.println("site " + site.get("site") + " status=" + site.get("status") + " field=" + site.get("field"));
        }
    }
}
