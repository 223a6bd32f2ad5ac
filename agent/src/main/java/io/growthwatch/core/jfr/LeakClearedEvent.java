package io.growthwatch.core.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** JFR event: a suspect allocation site that stopped growing. */
@Name("growthwatch.LeakCleared")
@Label("Leak Cleared")
@Category("growthwatch")
@Description("A suspect allocation site stopped growing")
@StackTrace(false)
public final class LeakClearedEvent extends jdk.jfr.Event {

    @Label("Site")
    public String site;

    @Label("Entries")
    public long entries;
}
