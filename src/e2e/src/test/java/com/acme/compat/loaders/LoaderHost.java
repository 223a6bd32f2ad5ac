package com.acme.compat.loaders;

import com.acme.scenarios.Pace;

import java.net.URL;
import java.util.function.LongConsumer;

/**
 * Loads two copies of {@code plugin.Leaky} in two isolated child-first loaders, one whose parent is
 * the platform class loader and one with no parent at all (only the bootstrap loader above it), and
 * feeds them new ids at 2000/s and 1000/s.
 *
 * <p>Arguments: seconds to run.
 */
public final class LoaderHost {

    static final String PLUGIN = "com.acme.compat.loaders.plugin.Leaky";

    public static void main(String[] args) throws Exception {
        double seconds = Double.parseDouble(args[0]);
        URL[] classes = {LoaderHost.class.getProtectionDomain().getCodeSource().getLocation()};
        ChildFirstLoader platformParent = new ChildFirstLoader("tenant-a", classes, ClassLoader.getPlatformClassLoader());
        ChildFirstLoader noParent = new ChildFirstLoader("tenant-b", classes, null);
        LongConsumer a = Pace.keepUntilExit(plugin(platformParent));
        LongConsumer b = Pace.keepUntilExit(plugin(noParent));
        System.out.println("copies are distinct classes: " + (a.getClass() != b.getClass()));

        Thread fastFeeder = new Thread(() -> Pace.run(seconds, 2000, a), "feeder-a");
        Thread slowFeeder = new Thread(() -> Pace.run(seconds, 1000, b), "feeder-b");
        fastFeeder.start();
        slowFeeder.start();
        fastFeeder.join();
        slowFeeder.join();
        System.out.println("tenant-a " + a);
        System.out.println("tenant-b " + b);
    }

    private static LongConsumer plugin(ClassLoader loader) throws ReflectiveOperationException {
        Class<?> type = loader.loadClass(PLUGIN);
        ClassLoader parent = type.getClassLoader().getParent();
        System.out.println(PLUGIN + " defined by " + type.getClassLoader().getName() + " (parent "
                + (parent == null ? "none" : parent.getName()) + ")");
        return (LongConsumer) type.getConstructor().newInstance();
    }
}
