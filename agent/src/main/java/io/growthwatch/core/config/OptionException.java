package io.growthwatch.core.config;

/** A bad agent option: the message names the option, the value given and what is expected. */
public final class OptionException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Creates the exception for {@code option} with a message ending in what was expected. */
    public OptionException(String option, String value, String expected) {
        super("option '" + option + "'" + (value == null ? "" : ": '" + value + "'") + " " + expected);
    }
}
