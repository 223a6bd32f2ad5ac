package io.growthwatch.bootstrap;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The call site a thread names before a call that may insert into a map that reports its own inserts. */
class InsertingCallTest {

    @Test
    void theCallSiteThisThreadNamedLastIsTheInserter() {
        InsertingCall.by(7);
        InsertingCall.by(11);

        assertThat(InsertingCall.callSite()).isEqualTo(11);
    }

    @Test
    void aCallSiteNamedOnAnotherThreadSinceIsNotTheInserterHere() throws InterruptedException {
        InsertingCall.by(7);
        Thread other = new Thread(() -> InsertingCall.by(13));
        other.start();
        other.join();

        assertThat(InsertingCall.callSite()).isEqualTo(CallSite.OUTSIDE_ID);
    }

    @Test
    void theThreadThatNamedLastSeesItsOwnCallSite() throws InterruptedException {
        InsertingCall.by(7);
        AtomicInteger seen = new AtomicInteger();
        Thread other = new Thread(() -> {
            InsertingCall.by(13);
            seen.set(InsertingCall.callSite());
        });
        other.start();
        other.join();

        assertThat(seen).hasValue(13);
    }
}
