package dev.prebreak.core.testing;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.stream.Stream;

/**
 * A property checked over many random cases, in plain JUnit 5: each case comes from its own seed, so a
 * failure can be replayed alone, and a failing case is shrunk to a small one before it is reported.
 *
 * <p>The seeds are fixed (the suite is deterministic). {@code -Dprebreak.seed=N} explores other seeds;
 * {@code -Dprebreak.case=N} replays the one case a failure names.
 *
 * @param <C> a case: a record whose {@code toString} shows everything needed to understand it
 */
public final class SeededCases<C> {
    /** The default first seed; any fixed number would do. */
    public static final long DEFAULT_SEED = 0x5EED_2026L;

    private final int tries;
    private final LongFunction<C> generate;
    private final Function<C, Stream<C>> shrink;

    private SeededCases(int tries, LongFunction<C> generate, Function<C, Stream<C>> shrink) {
        this.tries = tries;
        this.generate = Objects.requireNonNull(generate, "generate");
        this.shrink = Objects.requireNonNull(shrink, "shrink");
    }

    /**
     * @param generate makes a case from its seed
     * @param shrink the cases one step smaller than a given one (fewer agents, fewer faults, ...)
     */
    public static <C> SeededCases<C> of(int tries, LongFunction<C> generate, Function<C, Stream<C>> shrink) {
        return new SeededCases<>(tries, generate, shrink);
    }

    /** Checks every case; on the first failure throws an {@link AssertionError} naming the seed and the smallest failing case found. */
    public void check(Consumer<C> property) {
        Long replay = Long.getLong("prebreak.case");
        if (replay != null) {
            checkOne(replay, property, 1, 1);
            return;
        }
        SplittableRandom seeds = new SplittableRandom(Long.getLong("prebreak.seed", DEFAULT_SEED));
        for (int i = 1; i <= tries; i++) {
            checkOne(seeds.nextLong(), property, i, tries);
        }
    }

    private void checkOne(long seed, Consumer<C> property, int index, int of) {
        C original = generate.apply(seed);
        AssertionError failure = failure(original, property);
        if (failure == null) {
            return;
        }
        C smallest = original;
        int steps = 0;
        boolean shrunk = true;
        while (shrunk) {
            shrunk = false;
            for (C smaller : (Iterable<C>) shrink.apply(smallest)::iterator) {
                AssertionError again = failure(smaller, property);
                if (again != null) {
                    smallest = smaller;
                    failure = again;
                    steps++;
                    shrunk = true;
                    break;
                }
            }
        }
        AssertionError reported = new AssertionError(String.format(
                "property failed on case %d of %d, seed %d (replay it alone with -Dprebreak.case=%d)%n"
                        + "smallest failing case (after %d shrink steps): %s%n%s",
                index, of, seed, seed, steps, smallest, failure.getMessage()), failure);
        throw reported;
    }

    private static <C> AssertionError failure(C testCase, Consumer<C> property) {
        try {
            property.accept(testCase);
            return null;
        } catch (AssertionError e) {
            return e;
        }
    }
}
