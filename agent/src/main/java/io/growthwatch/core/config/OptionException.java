package io.growthwatch.core.config;

/** A bad agent option: the message names the option, the value given and what is expected. */
public final class OptionException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String option;
    private final String value;
    private final String expected;

    /** Creates the exception for {@code option} with a message ending in what was expected. */
    public OptionException(String option, String value, String expected) {
        this(option, value, expected, null);
    }

    private OptionException(String option, String value, String expected, String source) {
        super("option '" + option + "'" + (source == null ? "" : " (" + source + ")")
                + (value == null ? "" : ": '" + value + "'") + " " + expected);
        this.option = option;
        this.value = value;
        this.expected = expected;
    }

    /** The option named. */
    public String option() {
        return option;
    }

    /** The same error, saying where the value came from: {@code in config file x}, {@code from system property y}. */
    public OptionException from(String source) {
        return new OptionException(option, value, expected, source);
    }
}
