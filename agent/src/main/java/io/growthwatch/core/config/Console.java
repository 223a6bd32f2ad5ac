package io.growthwatch.core.config;

/**
 * Lines the agent prints on standard error before its logging exists, or when it cannot log: one
 * line each, tagged, about the agent's own start and stop.
 */
public final class Console {

    /** Prefix of an error line. */
    public static final String ERROR = "[growthwatch] ERROR ";

    private Console() {
    }

    /** Prints one error line. */
    public static void error(String message) {
        System.err.println(ERROR + message);
    }
}
