/**
 * The hooks that instrumented application code calls, the counted maps' bookkeeping, and the site
 * and instance registry they feed. Defined in the bootstrap class loader, so that code in any class
 * loader reaches them; they use {@code java.base} only, never log, and never let an exception of
 * their own escape into application code.
 *
 * <h2>What flows through here</h2>
 * <ul>
 *   <li>{@link io.growthwatch.bootstrap.Hooks#allocated} runs after every map allocation in the chosen
 *       packages. {@link io.growthwatch.bootstrap.Admission} decides, once, whether the instance is
 *       tracked; a tracked {@code HashMap}, {@code LinkedHashMap} or {@code ConcurrentHashMap} is
 *       replaced by its counted twin ({@link io.growthwatch.bootstrap.Counted}, defined by the agent
 *       in {@code java.util}), an application subclass is tracked as it is. Every other map stays the
 *       plain JDK object and never reaches a hook again.</li>
 *   <li>{@link io.growthwatch.bootstrap.Hooks#at} runs before every map mutation call in the chosen
 *       packages ({@link io.growthwatch.bootstrap.Hooks#atAnyMap} in code instrumented after an
 *       attach); the call itself is left as it was. A plain {@code HashMap} returns after one class
 *       compare. A counted twin is told which call site calls it
 *       next ({@link io.growthwatch.bootstrap.Counted#calledFrom}: a field of the twin, or a
 *       {@link io.growthwatch.bootstrap.PendingCall} of a concurrent one); a tracked map that cannot count
 *       itself is looked up and its size read ({@link io.growthwatch.bootstrap.CallSite}).</li>
 *   <li>A counted twin reports each insert and remove, with the call site it is credited to, to its
 *       {@link io.growthwatch.bootstrap.TrackedMap}, which adds it to the
 *       {@link io.growthwatch.bootstrap.Tally} of that instance and call site. The agent reads sums
 *       ({@link io.growthwatch.bootstrap.CallCounter}) and sizes, never the other way round.</li>
 * </ul>
 *
 * <h2>Costs, and what is racy on purpose</h2>
 * <ul>
 *   <li>Allocation of a map that is not picked: a volatile load (the switch), an array load (the
 *       site), and while the site's sampling budget for the interval is spent, a load and a compare
 *       against the epoch. No write.</li>
 *   <li>Call site, receiver a plain {@code HashMap}: one compare of its class pointer. Other
 *       receivers not counted: three compares more against the twins' (final classes held in
 *       constants) and a flag the JIT folds into a constant until a map that
 *       cannot count itself is tracked (then compiled code is deoptimized). Measured about 1 ns per
 *       call. Counted twin: one plain write of its own field before the call and one after (a concurrent
 *       twin: of its {@code PendingCall}, where each thread writes a place of its own: the first
 *       thread fields of the object, padded once another thread names a call site, other threads a
 *       per-thread slot found through a {@code ThreadLocal}).</li>
 *   <li>Insert or remove in a counted twin: a compare of the pending call-site id with the first
 *       tally's, and a plain increment. Concurrent maps: the thread that first counted into a tally
 *       increments plain fields (padded onto a cache line of their own once another thread counts), other
 *       threads a {@code LongAdder}, so totals stay exact.</li>
 *   <li>Racy on purpose: the admission counters (an approximate allocation count, a budget per
 *       interval), a call site's cache of its last looked-up receiver (an immutable pair, so a torn
 *       read is impossible), the owner of a concurrent map's pending call site (threads racing to be
 *       the first may both write its fields for a moment: a count may then be credited to another
 *       thread's call site; totals are exact). A call that throws leaves
 *       its call-site id pending until the next instrumented call names itself: the twins' hot
 *       methods carry no exception handler.</li>
 * </ul>
 */
package io.growthwatch.bootstrap;
