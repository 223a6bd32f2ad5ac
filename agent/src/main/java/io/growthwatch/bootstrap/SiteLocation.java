package io.growthwatch.bootstrap;

/** A source position in the form of a stack trace element: {@code pkg.Class.method(File.java:LINE)}. */
public final class SiteLocation {

    private final String className;
    private final String methodName;
    private final String fileName;
    private final int line;
    private final String loaderName;

    /** Creates a location; {@code fileName} may be null and {@code line} negative when unknown. */
    public SiteLocation(String className, String methodName, String fileName, int line, String loaderName) {
        this.className = className;
        this.methodName = methodName;
        this.fileName = fileName;
        this.line = line;
        this.loaderName = loaderName;
    }

    /** The declaring class, as a Java name. */
    public String className() {
        return className;
    }

    /** The method name ({@code <init>} for constructors and field initializers). */
    public String methodName() {
        return methodName;
    }

    /** The source line, or -1 when the class carries no line numbers. */
    public int line() {
        return line;
    }

    /** A short name of the class loader that defined the class. */
    public String loaderName() {
        return loaderName;
    }

    /** The same text as {@link StackTraceElement#toString()} without module or loader. */
    @Override
    public String toString() {
        String file = fileName == null ? "Unknown Source" : line >= 0 ? fileName + ":" + line : fileName;
        return className + "." + methodName + "(" + file + ")";
    }
}
