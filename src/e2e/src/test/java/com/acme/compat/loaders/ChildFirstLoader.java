package com.acme.compat.loaders;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * A child-first class loader as servlet containers use for web applications: it defines classes
 * from its own URLs before asking its parent, except for the JDK's own classes.
 */
final class ChildFirstLoader extends URLClassLoader {

    static {
        ClassLoader.registerAsParallelCapable();
    }

    ChildFirstLoader(String name, URL[] urls, ClassLoader parent) {
        super(name, urls, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> type = findLoadedClass(name);
            if (type == null && !name.startsWith("java.")) {
                try {
                    type = findClass(name);
                } catch (ClassNotFoundException notHere) {
                    // ask the parent (or the bootstrap loader when there is none)
                }
            }
            if (type == null) {
                type = super.loadClass(name, false);
            }
            if (resolve) {
                resolveClass(type);
            }
            return type;
        }
    }
}
