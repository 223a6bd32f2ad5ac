package com.acme.bench.gen;

import java.util.Map;

/** Defines generated classes from their class files; each instance defines its own copies. */
public final class GeneratedClassLoader extends ClassLoader {

    private final Map<String, byte[]> classes;

    /** Creates a loader for {@code classes} (binary name to class file), delegating to {@code parent}. */
    public GeneratedClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
        super(parent);
        this.classes = classes;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] code = classes.get(name);
        if (code == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, code, 0, code.length);
    }

    /** Defines, links and initializes every generated class; returns how many. */
    public int loadAll() throws ClassNotFoundException {
        int n = 0;
        for (String name : classes.keySet()) {
            Class.forName(name, true, this);
            n++;
        }
        return n;
    }
}
