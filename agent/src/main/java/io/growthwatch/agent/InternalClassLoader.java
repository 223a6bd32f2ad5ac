package io.growthwatch.agent;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * Loads the agent's internals and its shaded libraries from the {@code inst/} folder of the agent
 * jar, where they are stored as {@code .classdata} so that no other class loader or class path
 * scanner sees them. Its parent is the platform class loader: the internals see the JDK and the
 * bootstrap hooks, never the application's classes.
 */
final class InternalClassLoader extends ClassLoader {

    static final String PREFIX = "inst/";

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final JarFile jar;
    private final URL base;
    private final ProtectionDomain domain;

    InternalClassLoader(File agentJar) throws IOException {
        super("growthwatch", ClassLoader.getPlatformClassLoader());
        this.jar = new JarFile(agentJar, false);
        this.base = new URL("jar:" + agentJar.toURI() + "!/" + PREFIX);
        this.domain = new ProtectionDomain(new CodeSource(agentJar.toURI().toURL(), (Certificate[]) null), null, this, null);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        ZipEntry entry = jar.getEntry(PREFIX + name.replace('.', '/') + ".classdata");
        if (entry == null) {
            throw new ClassNotFoundException(name);
        }
        try (InputStream in = jar.getInputStream(entry)) {
            byte[] code = read(in, entry.getSize());
            definePackageOf(name);
            return defineClass(name, code, 0, code.length, domain);
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }

    /** The whole stream, read into one array of the entry's size when the jar says it (it does). */
    private static byte[] read(InputStream in, long size) throws IOException {
        if (size < 0 || size > Integer.MAX_VALUE) {
            return in.readAllBytes();
        }
        byte[] code = new byte[(int) size];
        if (in.readNBytes(code, 0, code.length) != code.length || in.read() != -1) {
            throw new IOException("entry size " + size + " does not match its content");
        }
        return code;
    }

    private void definePackageOf(String className) {
        int dot = className.lastIndexOf('.');
        if (dot > 0) {
            String pkg = className.substring(0, dot);
            if (getDefinedPackage(pkg) == null) {
                try {
                    definePackage(pkg, null, null, null, null, null, null, null);
                } catch (IllegalArgumentException alreadyDefinedConcurrently) {
                    // fine
                }
            }
        }
    }

    @Override
    protected URL findResource(String name) {
        if (jar.getEntry(PREFIX + name) == null) {
            return null;
        }
        try {
            return new URL(base, name);
        } catch (MalformedURLException e) {
            return null;
        }
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        URL url = findResource(name);
        return url == null ? Collections.emptyEnumeration() : Collections.enumeration(Collections.singletonList(url));
    }
}
