package io.growthwatch.core.cli;

import com.sun.tools.attach.VirtualMachine;
import io.growthwatch.core.config.AgentOptions;
import io.growthwatch.core.config.OptionException;
import io.growthwatch.core.config.OptionsParser;
import io.growthwatch.core.jmx.SitesMXBean;
import io.growthwatch.core.page.HtmlReport;
import io.growthwatch.core.page.ReportData;
import net.bytebuddy.agent.ByteBuddyAgent;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The agent jar's command line: {@code attach} loads the agent into a running JVM, {@code status}
 * prints the site table of a JVM running the agent, through the JVM's own local management agent,
 * {@code report} turns a JSON-lines report into an HTML page.
 */
public final class Cli {

    private static final String USAGE = usage();

    /** How long {@code status} waits for the agent's JMX bean to appear: several of its registration polls. */
    static final long BEAN_WAIT_MILLIS = 3000;

    private static String usage() {
        StringBuilder text = new StringBuilder(String.join(System.lineSeparator(),
                "usage: java -javaagent:growthwatch-agent.jar=<options> ...   start a JVM with growthwatch",
                "       java -jar growthwatch-agent.jar attach <pid> <options>  load it into a running JVM",
                "       java -jar growthwatch-agent.jar status <pid>            print the top sites of a JVM running it",
                "       java -jar growthwatch-agent.jar report <growth.jsonl> [-o <growth.html>]",
                "                                                               turn a JSON-lines report into one HTML page",
                "       java -jar growthwatch-agent.jar --help                  this text",
                "",
                "options: key=value pairs separated by ',', lists separated by ':',",
                "         e.g. packages=com.acme,interval=10s,report=/var/log/growth.jsonl",
                ""));
        for (OptionsParser.OptionSpec option : OptionsParser.OPTIONS) {
            text.append(System.lineSeparator()).append(String.format("  %-16s %-11s %s", option.key(), option.defaultValue(), option.meaning()));
        }
        return text.toString();
    }

    private Cli() {
    }

    /** Runs the command in {@code args} and returns the process exit status. */
    public static int run(String[] args, File agentJar) {
        return run(args, agentJar, System.out, System.err);
    }

    static int run(String[] args, File agentJar, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        if (args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            out.println(USAGE);
            return 0;
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
            case "report":
                if (args.length != 2 && !(args.length == 4 && args[2].equals("-o"))) {
                    err.println("growthwatch: report needs a JSON-lines report and optionally -o and the HTML file to write,"
                            + " e.g. report growth.jsonl -o growth.html");
                    return 2;
                }
                return report(Path.of(args[1]), args.length == 4 ? Path.of(args[3]) : null, out, err);
            default:
                err.println("growthwatch: unknown command '" + args[0] + "'");
                err.println(USAGE);
                return 2;
        }
    }

    /**
     * Checks the options here first (the same one-line errors as at start-up; relative {@code report=}
     * and {@code config=} paths are made absolute against this command's directory), attaches, and
     * reports the target's own verdict: started with which options (exit 0), or refused and why (1).
     */
    private static int attach(String pid, String options, File agentJar, PrintStream out, PrintStream err) {
        if (agentJar == null) {
            err.println("growthwatch: attach must be run from the agent jar (java -jar growthwatch-agent.jar ...)");
            return 2;
        }
        String sent = OptionsParser.withAbsolutePaths(options, Path.of("").toAbsolutePath());
        try {
            OptionsParser.parse(sent, new Properties()); // this JVM's -Dgrowthwatch.* are not the target's
        } catch (OptionException e) {
            err.println("growthwatch: " + e.getMessage() + "; not attached to " + pid);
            return 2;
        }
        String before;
        try {
            Properties target = targetProperties(pid);
            String active = target.getProperty(AgentOptions.ACTIVE_PROPERTY);
            if (active != null) {
                err.println("growthwatch: already running in " + pid + " (packages=" + active
                        + "); not attached again (see: status " + pid + ")");
                return 1;
            }
            before = target.getProperty(AgentOptions.VERDICT_PROPERTY);
        } catch (Exception e) {
            err.println("growthwatch: cannot attach to " + pid + ": " + rootMessage(e));
            return 1;
        }
        try {
            ByteBuddyAgent.attach(agentJar, pid, sent);
        } catch (RuntimeException e) {
            err.println("growthwatch: cannot attach to " + pid + ": " + rootMessage(e));
            return 1;
        }
        return verdict(pid, before, out, err);
    }

    /** Reads what the agent in {@code pid} said of this start and prints it; the exit status. */
    private static int verdict(String pid, String before, PrintStream out, PrintStream err) {
        String verdict;
        try {
            verdict = targetProperties(pid).getProperty(AgentOptions.VERDICT_PROPERTY);
        } catch (Exception e) {
            err.println("growthwatch: attached to " + pid + ", but cannot read whether the agent started: " + rootMessage(e));
            return 1;
        }
        if (verdict == null || verdict.equals(before)) {
            err.println("growthwatch: attached to " + pid + ", but the agent did not say whether it started; see the target's standard error");
            return 1;
        }
        String outcome = verdict.substring(verdict.indexOf(' ') + 1);
        if (outcome.startsWith("started")) {
            out.println("growthwatch: " + outcome.replaceFirst("^started", "started in " + pid + ":")
                    + "; its log goes to the target's standard error");
            return 0;
        }
        err.println("growthwatch: not started in " + pid + ": " + outcome.replaceFirst("^refused: ", ""));
        return 1;
    }

    private static Properties targetProperties(String pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(pid);
        try {
            return vm.getSystemProperties();
        } finally {
            vm.detach();
        }
    }

    /**
     * Reads {@code input}, writes its HTML page to {@code output} (by default beside it, {@code .html}),
     * and says what it could not read; exit 1 when nothing could be read or written.
     */
    private static int report(Path input, Path output, PrintStream out, PrintStream err) {
        List<String> lines;
        try {
            lines = Files.readAllLines(input, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println("growthwatch: cannot read " + input + ": no such file");
            return 1;
        } catch (MalformedInputException e) {
            err.println("growthwatch: cannot read " + input + ": it is not UTF-8 text; expected the JSON-lines report written by report=");
            return 1;
        } catch (IOException e) {
            err.println("growthwatch: cannot read " + input + ": " + rootMessage(e));
            return 1;
        }
        ReportData data = ReportData.read(lines, input.getFileName().toString());
        for (String problem : data.problems()) {
            err.println("growthwatch: " + problem);
        }
        if (data.events() == 0) {
            err.println("growthwatch: " + input + " holds no growthwatch events; expected the JSON-lines report written by"
                    + " the agent's report= option (it gets its first lines after the first interval)");
            return 1;
        }
        Path target = output != null ? output : htmlBeside(input);
        try {
            Files.writeString(target, HtmlReport.render(data, input.getFileName().toString()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("growthwatch: cannot write " + target + ": " + rootMessage(e));
            return 1;
        }
        out.println("growthwatch: wrote " + target + " (" + data.sites().size() + " sites, " + data.events() + " events)");
        return 0;
    }

    /** {@code growth.jsonl} becomes {@code growth.html} in the same directory. */
    private static Path htmlBeside(Path input) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return input.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".html");
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

    /**
     * The agent's summary table in {@code pid}, or null when the agent is not running there. The
     * agent registers its bean only once an MBean server exists, which starting the management agent
     * here may have just done: its bean is waited for up to {@link #BEAN_WAIT_MILLIS}.
     */
    private static String readStatus(String pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(pid);
        try {
            if (vm.getSystemProperties().getProperty(AgentOptions.ACTIVE_PROPERTY) == null) {
                return null;
            }
            String address = vm.startLocalManagementAgent();
            try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
                MBeanServerConnection server = connector.getMBeanServerConnection();
                ObjectName name = new ObjectName(SitesMXBean.OBJECT_NAME);
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BEAN_WAIT_MILLIS);
                while (!server.isRegistered(name)) {
                    if (System.nanoTime() > deadline) {
                        return null;
                    }
                    Thread.sleep(100);
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
