package io.growthwatch.core.jmx;

import org.slf4j.Logger;

import java.lang.management.ManagementFactory;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

/**
 * Registers the sites bean once the JVM has an MBean server, and never creates the platform MBean
 * server itself: creating it costs a service about a tenth of a CPU second and 4 MB at start-up,
 * while anybody who reads JMX has made one exist first (the JDK's management agent at start or on
 * attach, as {@code jconsole}, {@code status} and JMX exporters do; the application's own use).
 * Used from the agent's thread only.
 */
public final class BeanRegistration {

    private final Object bean;
    private final ObjectName name;
    private final Logger log;
    private boolean settled;

    /** Registration of {@code bean} under {@code name}; failures go to {@code log}, once. */
    public BeanRegistration(Object bean, ObjectName name, Logger log) {
        this.bean = bean;
        this.name = name;
        this.log = log;
    }

    /** Registration of the sites bean under {@link SitesMXBean#OBJECT_NAME}. */
    public static BeanRegistration of(SitesBean bean, Logger log) {
        try {
            return new BeanRegistration(bean, new ObjectName(SitesMXBean.OBJECT_NAME), log);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalStateException(e); // a constant name
        }
    }

    /** True until the bean is registered or registering it failed. */
    public boolean pending() {
        return !settled;
    }

    /**
     * Registers the bean in the platform MBean server if some MBean server exists now (the platform
     * one is made through {@link MBeanServerFactory}, so it is among those found there); true when
     * the bean is registered or will never be.
     */
    public boolean poll() {
        if (settled) {
            return true;
        }
        try {
            List<MBeanServer> existing = MBeanServerFactory.findMBeanServer(null);
            if (existing.isEmpty()) {
                return false;
            }
            settled = true;
            ManagementFactory.getPlatformMBeanServer().registerMBean(bean, name);
        } catch (Throwable t) {
            settled = true;
            log.atWarn().setMessage("could not register the JMX bean; JMX and 'status' are unavailable")
                    .addKeyValue("reason", t.toString()).log();
        }
        return true;
    }
}
