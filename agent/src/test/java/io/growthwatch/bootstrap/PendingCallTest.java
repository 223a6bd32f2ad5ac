package io.growthwatch.bootstrap;

import org.junit.jupiter.api.Test;

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
    void aHeldBulkCallStaysPendingAcrossTheCallsItMakesUntilReleased() {
        call.hold(9);
        for (int i = 0; i < 3; i++) { // addAll: one call on the map per element, each returning
            call.returned();
            assertThat(call.callSite()).isEqualTo(9);
        }
        call.release();
        assertThat(call.callSite()).isEqualTo(CallSite.OUTSIDE_ID);
    }
}
