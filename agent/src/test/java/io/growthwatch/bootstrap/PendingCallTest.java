package io.growthwatch.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import static org.assertj.core.api.Assertions.assertThat;

class PendingCallTest {

    private final PendingCall call = new PendingCall();

    @Test
    void noCallIsInProgressAtFirst() {
        assertThat(call.callSite()).isEqualTo(CallSite.OUTSIDE_ID);
    }

    @Test
    void aNamedCallSiteIsPendingUntilItsCallReturns() {
        call.calledFrom(7);
        assertThat(call.callSite()).isEqualTo(7);
        call.returned();
        assertThat(call.callSite()).isEqualTo(CallSite.OUTSIDE_ID);
    }

    @Test
    void returningTellsWhichCallSiteTheCallWasCreditedTo() throws InterruptedException {
        call.calledFrom(7);
        assertThat(call.returned()).isEqualTo(7);
        assertThat(call.returned()).isEqualTo(CallSite.OUTSIDE_ID);
        assertThat(inAnotherThread(() -> {
            call.calledFrom(9);
            return call.returned();
        })).isEqualTo(9);
    }

    @Test
    void aHeldBulkCallStaysPendingAcrossTheCallsItMakesUntilReleased() {
        call.hold(9);
        for (int i = 0; i < 3; i++) { // addAll: one call on the map per element, each returning
            call.returned();
            assertThat(call.callSite()).isEqualTo(9);
        }
        call.release();
        assertThat(call.callSite()).isEqualTo(CallSite.OUTSIDE_ID);
    }

    private static int inAnotherThread(java.util.function.IntSupplier naming) throws InterruptedException {
        int[] seen = new int[1];
        Thread other = new Thread(() -> seen[0] = naming.getAsInt());
        other.start();
        other.join();
        return seen[0];
    }

    @Test
    void eachThreadSeesOnlyTheCallSiteItNamedItself() throws InterruptedException {
        call.calledFrom(7); // this thread, the owner
        int seenByOther = inAnotherThread(() -> {
            call.calledFrom(9);
            return call.callSite();
        });
        assertThat(seenByOther).isEqualTo(9);
        assertThat(call.callSite()).isEqualTo(7);
        assertThat(inAnotherThread(call::callSite)).isEqualTo(CallSite.OUTSIDE_ID); // a thread that named nothing
    }

    @Test
    void theOwnerKeepsItsCallSiteWhenAnotherThreadNamesOneMidCall() throws InterruptedException {
        call.calledFrom(7);
        inAnotherThread(() -> {
            call.calledFrom(9);
            call.returned();
            return 0;
        });
        assertThat(call.callSite()).isEqualTo(7);
        call.returned();
        assertThat(call.callSite()).isEqualTo(CallSite.OUTSIDE_ID);
        call.calledFrom(8); // the owner, now on its padded fields
        assertThat(call.callSite()).isEqualTo(8);
    }

    @Test
    void anotherThreadsNamedCallSiteIsPendingUntilItsCallReturns() throws InterruptedException {
        call.calledFrom(7);
        int afterReturn = inAnotherThread(() -> {
            call.calledFrom(9);
            call.returned();
            return call.callSite();
        });
        assertThat(afterReturn).isEqualTo(CallSite.OUTSIDE_ID);
    }

    @Test
    void anotherThreadsCallSiteIsNotCreditedForAnotherMap() throws InterruptedException {
        PendingCall otherMap = new PendingCall();
        call.calledFrom(7);
        otherMap.calledFrom(7);
        int seen = inAnotherThread(() -> {
            call.calledFrom(9);
            return otherMap.callSite(); // e.g. a key's equals() changing another map from code outside
        });
        assertThat(seen).isEqualTo(CallSite.OUTSIDE_ID);
    }

    @Test
    void anotherThreadsHeldBulkCallStaysPendingUntilReleased() throws InterruptedException {
        call.calledFrom(7);
        int[] seen = new int[2];
        inAnotherThread(() -> {
            call.hold(9);
            call.returned();
            seen[0] = call.callSite();
            call.release();
            seen[1] = call.callSite();
            return 0;
        });
        assertThat(seen).containsExactly(9, CallSite.OUTSIDE_ID);
    }

    @Test
    void aPlatformThreadThatIsNotTheOwnerNamesInASlotOfItsOwn() throws InterruptedException {
        call.calledFrom(7);
        boolean[] slot = new boolean[1];
        inAnotherThread(() -> {
            call.calledFrom(9);
            slot[0] = PendingCall.ThreadsCall.exists();
            return call.returned();
        });
        assertThat(slot[0]).isTrue();
    }

    @Test
    void theStrangersPathTakenAtStartIsAPlatformThreadsPathThatIsNotTheOwners() throws InterruptedException {
        boolean[] slot = new boolean[2];
        inAnotherThread(() -> {
            slot[0] = PendingCall.ThreadsCall.exists();
            PendingCall.takeStrangersPath();
            slot[1] = PendingCall.ThreadsCall.exists();
            return 0;
        });
        assertThat(slot).containsExactly(false, true);
    }

    @Test
    @EnabledForJreRange(min = JRE.JAVA_21)
    void aVirtualThreadNamesItsCallSiteWithoutASlotOfItsOwn() throws Exception {
        call.calledFrom(7); // the owner: this platform thread
        int[] seen = new int[1];
        boolean[] slot = {true};
        Runnable naming = () -> {
            call.calledFrom(9);
            seen[0] = call.returned();
            slot[0] = PendingCall.ThreadsCall.exists();
        };
        Thread virtual = (Thread) Thread.class.getMethod("startVirtualThread", Runnable.class).invoke(null, naming);
        virtual.join();
        assertThat(seen[0]).isEqualTo(9);
        assertThat(slot[0]).isFalse(); // a thread that may live for one request allocates no slot
        assertThat(call.callSite()).isEqualTo(7);
    }
}
