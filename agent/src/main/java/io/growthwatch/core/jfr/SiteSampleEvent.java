package io.growthwatch.core.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** JFR event: one allocation site's live entries in one sampling interval. */
@Name("growthwatch.SiteSample")
@Label("Map Site Sample")
@Category("growthwatch")
@Description("Live entries of one allocation site's maps, once per sampling interval")
@StackTrace(false)
public final class SiteSampleEvent extends jdk.jfr.Event {

    @Label("Site")
    public String site;

    @Label("Instances")
    public int instances;

    @Label("Entries")
    public long entries;

    @Label("Entries per Minute")
    public long entriesPerMinute;

    @Label("Status")
    public String status;
}
