package io.growthwatch.core.jfr;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** JFR event: a map whose table kept its high-water capacity. */
@Name("growthwatch.Oversized")
@Label("Oversized Map")
@Category("growthwatch")
@Description("A map whose table is far larger than its entries need")
@StackTrace(false)
public final class OversizedEvent extends jdk.jfr.Event {

    @Label("Site")
    public String site;

    @Label("Size")
    public int size;

    @Label("Capacity")
    public int capacity;

    @Label("Wasted")
    @DataAmount
    public long wastedBytes;
}
