package io.growthwatch.bootstrap;

import jdk.internal.vm.annotation.Contended;
import jdk.internal.vm.annotation.ForceInline;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The instrumented call site whose call on one concurrent map is in progress, per thread: what the
 * map's inserts and removes made by that thread are credited to, {@link CallSite#OUTSIDE_ID} between
 * its calls.
 *
 * <p>Each thread names its own call site in a place no other thread writes: two threads taking turns
 * writing one field would pass its cache line back and forth on every call (measured: a tracked
 * {@code ConcurrentHashMap} shared by two threads cost +120 % per put+get+remove step with one
 * shared field). The first thread that names a call site (the owner) keeps its name in this object,
 * as long as it is alone in fields next to the map, once another thread has named one in
 * {@link OwnersCall}, padded onto a cache line of its own; every other platform thread keeps its
 * name in a per-thread slot ({@link ThreadsCall}), keyed by this object, which costs a thread-local
 * look-up; virtual threads share one slot per map (see {@link #slot}).
 *
 * <p>Racy on purpose where it does not matter for the totals: threads that race to become the owner
 * may both believe they are for a moment, and the owner may go on writing its old place for a while
 * after another thread moved it; either credits a count to a stale call site, never loses one.
 */
public final class PendingCall {

    private static final long NO_OWNER = -1;

    /** An owner no thread is: thread ids are positive. */
    private static final long NOBODY = -2;

    /** The id of the thread that names its call sites in this object; set once. */
    private long owner = NO_OWNER;

    /** The owner's call in progress while no other thread has named one (see the class comment). */
    private int callSite = CallSite.OUTSIDE_ID;

    /** What {@link #callSite} returns to when a call returns: OUTSIDE, or the call site of a bulk call held. */
    private int resumeCallSite = CallSite.OUTSIDE_ID;

    /** The owner's call in progress once another thread has named one; set once. */
    private OwnersCall padded; // plain loads: a stale null only keeps the owner on the fields above

    private static final VarHandle PADDED = padded();

    /** The superclass of virtual threads (Java 21 on), or null. */
    private static final Class<?> VIRTUAL_THREAD = virtualThreadClass();

    /** The slot the map's virtual threads share (see {@link #slot}); null until one names a call site. */
    private ThreadsCall virtualThreadsCall;

    private static Class<?> virtualThreadClass() {
        try {
            return Class.forName("java.lang.BaseVirtualThread", false, null);
        } catch (ClassNotFoundException | LinkageError e) {
            return null; // Java 17: no virtual threads
        }
    }

    private static VarHandle padded() {
        try {
            return MethodHandles.lookup().findVarHandle(PendingCall.class, "padded", OwnersCall.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Takes, on this thread, the path of a thread that is not the map's owner, on a throwaway map
     * that no thread owns: the first run links the call sites of that path (see
     * {@link ContendedPaths}). Leaves no call pending on this thread.
     */
    static void takeStrangersPath() {
        PendingCall call = new PendingCall();
        call.owner = NOBODY;
        call.calledFrom(CallSite.OUTSIDE_ID);
        call.returned();
    }

    /** Names the call site whose call by this thread comes next. */
    @ForceInline
    public void calledFrom(int callSite) {
        long me = Thread.currentThread().getId();
        if (me == owner) {
            OwnersCall p = padded;
            if (p == null) {
                this.callSite = callSite;
            } else {
                p.callSite = callSite;
            }
        } else {
            otherCalledFrom(me, callSite);
        }
    }

    /** Names the call site for a thread that is not the owner: the slot it named it in, or null when it just became the owner. */
    private ThreadsCall otherCalledFrom(long me, int callSite) {
        if (owner == NO_OWNER) {
            owner = me;
            this.callSite = callSite;
            return null;
        }
        if (padded == null) {
            // a release store: an owner that sees the object sees its fields as set here, not zero (a call site's id)
            PADDED.setRelease(this, new OwnersCall(this.callSite, resumeCallSite));
        }
        ThreadsCall slot = slot();
        slot.calledFrom(this, callSite);
        return slot;
    }

    /**
     * Where this thread, not the owner, names its call sites: a slot of its own, or on a virtual thread
     * the one slot this map's virtual threads share (as all threads shared one place before threads had
     * their own: racy, but a virtual thread, which may live for one request, allocates nothing here).
     */
    private ThreadsCall slot() {
        if (VIRTUAL_THREAD != null && VIRTUAL_THREAD.isInstance(Thread.currentThread())) {
            ThreadsCall shared = virtualThreadsCall;
            return shared != null ? shared : newVirtualThreadsCall();
        }
        return ThreadsCall.current();
    }

    private synchronized ThreadsCall newVirtualThreadsCall() {
        ThreadsCall shared = virtualThreadsCall;
        if (shared == null) {
            virtualThreadsCall = shared = new ThreadsCall(); // a racy reader may see its fields unset: no call of this map, then
        }
        return shared;
    }

    /** The call in progress on this thread, as named; {@link CallSite#OUTSIDE_ID} when none is. */
    @ForceInline
    public int callSite() {
        if (Thread.currentThread().getId() == owner) {
            OwnersCall p = padded;
            return p == null ? callSite : p.callSite;
        }
        return owner == NO_OWNER ? CallSite.OUTSIDE_ID : slot().callSite(this);
    }

    /**
     * This thread's named call returned: what follows is not that call site's, unless a bulk call is
     * held. Returns the call site the call was credited to (as {@link #callSite} just before), so that
     * a map counting after its call needs one look-up, not two.
     */
    @ForceInline
    public int returned() {
        if (Thread.currentThread().getId() == owner) {
            OwnersCall p = padded;
            int returning;
            if (p == null) {
                returning = callSite;
                callSite = resumeCallSite;
            } else {
                returning = p.callSite;
                p.callSite = p.resumeCallSite;
            }
            return returning;
        }
        return owner == NO_OWNER ? CallSite.OUTSIDE_ID : slot().returned(this);
    }

    /** Credits every change this thread makes to {@code callSite} until {@link #release}, across the calls it makes. */
    public void hold(int callSite) {
        long me = Thread.currentThread().getId();
        if (me != owner) {
            ThreadsCall slot = otherCalledFrom(me, callSite);
            if (slot != null) {
                slot.held(callSite);
                return;
            } // else this thread has just become the owner
        }
        setOwners(callSite, callSite);
    }

    /** The bulk call of {@link #hold} returned. */
    public void release() {
        if (Thread.currentThread().getId() == owner) {
            setOwners(CallSite.OUTSIDE_ID, CallSite.OUTSIDE_ID);
        } else if (owner != NO_OWNER) {
            slot().release(this);
        }
    }

    /** Sets the owner's call in progress and what it returns to, in the place the owner names its calls in now (bulk calls only). */
    private void setOwners(int callSite, int resumeCallSite) {
        OwnersCall p = padded;
        if (p == null) {
            this.callSite = callSite;
            this.resumeCallSite = resumeCallSite;
        } else {
            p.callSite = callSite;
            p.resumeCallSite = resumeCallSite;
        }
    }

    /** The owner's call in progress once the map is shared: a cache line of its own ({@code @Contended}, boot classes only). */
    @Contended
    static final class OwnersCall {
        int callSite;
        int resumeCallSite;

        OwnersCall(int callSite, int resumeCallSite) {
            this.callSite = callSite;
            this.resumeCallSite = resumeCallSite;
        }
    }

    /**
     * A thread's call in progress on a concurrent map it does not own, one per thread for all such
     * maps: the map's {@link PendingCall} and the call site. It refers to the {@code PendingCall},
     * never to the map, so it keeps no map alive.
     */
    static final class ThreadsCall {

        private static final ThreadLocal<ThreadsCall> CURRENT = new ThreadLocal<>();

        /**
         * The {@code PendingCall} of the map this thread named a call site for last, kept after the call
         * returns, so that a thread that keeps using one map stores no reference per call (a reference
         * stored into a long-lived object may cost a memory fence in G1's write barrier); stored only
         * when the thread turns to another map.
         */
        private PendingCall of;
        private int callSite = CallSite.OUTSIDE_ID;
        private int resumeCallSite = CallSite.OUTSIDE_ID;

        /** This thread's slot, made at its first call. */
        static ThreadsCall current() {
            ThreadsCall slot = CURRENT.get();
            if (slot == null) {
                slot = new ThreadsCall();
                CURRENT.set(slot);
            }
            return slot;
        }

        /** Whether this thread has a slot (tests). */
        static boolean exists() {
            return CURRENT.get() != null;
        }

        void calledFrom(PendingCall of, int callSite) {
            if (this.of != of) {
                this.of = of;
                this.resumeCallSite = CallSite.OUTSIDE_ID; // another map's held bulk call is forgotten
            }
            this.callSite = callSite;
        }

        int callSite(PendingCall of) {
            return this.of == of ? callSite : CallSite.OUTSIDE_ID;
        }

        int returned(PendingCall of) {
            if (this.of != of) {
                return CallSite.OUTSIDE_ID;
            }
            int returning = callSite;
            callSite = resumeCallSite;
            return returning;
        }

        /** The call site just named here stays named across calls, until {@link #release}. */
        void held(int callSite) {
            resumeCallSite = callSite;
        }

        void release(PendingCall of) {
            if (this.of == of) {
                callSite = CallSite.OUTSIDE_ID;
                resumeCallSite = CallSite.OUTSIDE_ID;
            }
        }
    }
}
