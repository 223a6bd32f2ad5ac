package io.growthwatch.core.jfr;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** JFR event: an allocation site whose maps keep growing. */
@Name("growthwatch.LeakSuspect")
@Label("Leak Suspect")
@Category("growthwatch")
@Description("An allocation site whose maps keep growing: removes do not keep pace with inserts")
@StackTrace(false)
public final class LeakSuspectEvent extends jdk.jfr.Event {

    @Label("Site")
    public String site;

    @Label("Type")
    public String type;

    @Label("Field")
    public String field;

    @Label("Instances")
    public int instances;

    @Label("Entries")
    public long entries;

    @Label("Entries per Minute")
    public long entriesPerMinute;

    @Label("Inserts")
    public long inserts;

    @Label("Removes")
    public long removes;

    @Label("Retained")
    @DataAmount
    public long retainedBytes;

    @Label("Seconds to Heap Exhaustion")
    public long heapExhaustedInSeconds;

    @Label("Unread Fields")
    @Description("Fields of the sampled keys' and values' classes written but read nowhere so far")
    public String unreadFields;

    @Label("Keys")
    @Description("Shape of the sampled keys: type, string lengths, share not used again")
    public String keys;

    @Label("Remedy")
    public String remedy;
}
