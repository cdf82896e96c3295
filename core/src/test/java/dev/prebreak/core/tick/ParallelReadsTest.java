package dev.prebreak.core.tick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParallelReadsTest {
    @Test
    void runsReadsTogetherAndWaitsForAll() {
        CountDownLatch bothStarted = new CountDownLatch(2);
        Set<String> done = ConcurrentHashMap.newKeySet();
        new ParallelReads(2).forEach(List.of("a", "b"), x -> {
            bothStarted.countDown();
            try {
                // Each read waits for the other to start: only reads in flight together get past this.
                assertThat(bothStarted.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            done.add(x);
        });
        assertThat(done).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void throwsTheFirstFailureAfterEveryReadEndedAndKeepsWhatSucceeded() {
        Set<String> done = ConcurrentHashMap.newKeySet();
        assertThatThrownBy(() -> new ParallelReads(3).forEach(List.of("a", "b", "c", "d"), x -> {
            if (x.equals("b") || x.equals("d")) {
                throw new IllegalArgumentException("read " + x + " failed");
            }
            done.add(x);
        })).hasMessage("read b failed");
        assertThat(done).containsExactlyInAnyOrder("a", "c");
    }

    @Test
    void withParallelismOneReadsInOrderInTheCallingThread() {
        Thread caller = Thread.currentThread();
        StringBuilder order = new StringBuilder();
        new ParallelReads(1).forEach(List.of("a", "b", "c"), x -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            order.append(x);
        });
        assertThat(order).hasToString("abc");
    }
}
