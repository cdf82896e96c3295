package dev.prebreak.core.tick;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs independent reads a few at a time. Only reads go through here: their order does not matter,
 * and each API call takes mostly waiting, so a few in flight cut a cold tick's wall time without more
 * calls. Writes stay one batch after another in the tick's own thread.
 */
final class ParallelReads {
    private static final AtomicInteger POOLS = new AtomicInteger();
    private final ThreadPoolExecutor pool;

    /** @param parallelism reads in flight at once; 1 reads one after another in the calling thread */
    ParallelReads(int parallelism) {
        if (parallelism <= 1) {
            pool = null;
            return;
        }
        int id = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        pool = new ThreadPoolExecutor(parallelism, parallelism, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "prebreak-reads-" + id + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true); // idle between ticks: no threads kept
    }

    /**
     * Applies {@code read} to every input and waits for all of them. A failure is thrown once every
     * read has ended (the first one, in input order), so reads that succeeded keep their effect.
     */
    <T> void forEach(List<T> inputs, Consumer<T> read) {
        if (pool == null || inputs.size() <= 1) {
            inputs.forEach(read);
            return;
        }
        List<Future<?>> running = new ArrayList<>(inputs.size());
        for (T input : inputs) {
            running.add(pool.submit(() -> read.accept(input)));
        }
        RuntimeException first = null;
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause()
                            : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.forEach(r -> r.cancel(true));
                throw new IllegalStateException("interrupted while reading from Genesys", e);
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
