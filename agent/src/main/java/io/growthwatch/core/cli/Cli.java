package io.growthwatch.core.cli;

import com.sun.tools.attach.VirtualMachine;
import io.growthwatch.core.Installer;
import io.growthwatch.core.jmx.SitesMXBean;
import net.bytebuddy.agent.ByteBuddyAgent;

import java.io.File;
import java.io.PrintStream;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The agent jar's command line: {@code attach} loads the agent into a running JVM, {@code status}
 * prints the site table of a JVM running the agent, through the JVM's own local management agent.
 */
public final class Cli {

    private static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar growthwatch-agent.jar attach <pid> <options>",
            "       java -jar growthwatch-agent.jar status <pid>",
            "  attach  load growthwatch into the running JVM <pid> with the same options as -javaagent,",
            "          e.g. attach 4242 packages=com.acme,interval=10s",
            "  status  print the table of top sites from the growthwatch agent running in <pid>");

    private Cli() {
    }

    /** Runs the command in {@code args} and returns the process exit status. */
    public static int run(String[] args, File agentJar) {
        return run(args, agentJar, System.out, System.err);
    }

    static int run(String[] args, File agentJar, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
            out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        switch (args[0]) {
            case "attach":
                if (args.length != 3) {
                    err.println("growthwatch: attach needs a process id and options, e.g. attach 4242 packages=com.acme");
                    return 2;
                }
                return attach(args[1], args[2], agentJar, out, err);
            case "status":
                if (args.length != 2) {
                    err.println("growthwatch: status needs a process id, e.g. status 4242");
                    return 2;
                }
                return status(args[1], out, err);
            default:
                err.println("growthwatch: unknown command '" + args[0] + "'");
                err.println(USAGE);
                return 2;
        }
    }

    private static int attach(String pid, String options, File agentJar, PrintStream out, PrintStream err) {
        if (agentJar == null) {
            err.println("growthwatch: attach must be run from the agent jar (java -jar growthwatch-agent.jar ...)");
            return 2;
        }
        try {
            VirtualMachine vm = VirtualMachine.attach(pid);
            try {
                String active = vm.getSystemProperties().getProperty(Installer.ACTIVE_PROPERTY);
                if (active != null) {
                    err.println("growthwatch: already running in " + pid + " (packages=" + active
                            + "); not attached again (see: status " + pid + ")");
                    return 1;
                }
            } finally {
                vm.detach();
            }
        } catch (Exception e) {
            err.println("growthwatch: cannot attach to " + pid + ": " + rootMessage(e));
            return 1;
        }
        try {
            ByteBuddyAgent.attach(agentJar, pid, options);
            out.println("growthwatch: attached to " + pid + "; its standard error shows the agent's log");
            return 0;
        } catch (RuntimeException e) {
            err.println("growthwatch: cannot attach to " + pid + ": " + rootMessage(e));
            return 1;
        }
    }

    private static int status(String pid, PrintStream out, PrintStream err) {
        try {
            String table = readStatus(pid);
            if (table == null) {
                err.println("growthwatch: not running in " + pid);
                return 1;
            }
            out.println(table);
            return 0;
        } catch (Exception e) {
            err.println("growthwatch: cannot read status of " + pid + ": " + rootMessage(e));
            return 1;
        }
    }

    /** The agent's summary table in {@code pid}, or null when the agent is not running there. */
    private static String readStatus(String pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(pid);
        try {
            String address = vm.startLocalManagementAgent();
            try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
                MBeanServerConnection server = connector.getMBeanServerConnection();
                ObjectName name = new ObjectName(SitesMXBean.OBJECT_NAME);
                if (!server.isRegistered(name)) {
                    return null;
                }
                return "growthwatch in " + pid + " (packages=" + server.getAttribute(name, "Packages")
                        + ", interval=" + server.getAttribute(name, "Interval") + ", window=" + server.getAttribute(name, "Window")
                        + ", minGrowth=" + server.getAttribute(name, "MinGrowth") + ")" + System.lineSeparator()
                        + server.getAttribute(name, "SummaryTable");
            }
        } finally {
            vm.detach();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
