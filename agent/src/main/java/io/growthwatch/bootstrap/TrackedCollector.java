package io.growthwatch.bootstrap;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collector;

/**
 * A collector of the chosen code ({@code Collectors.toMap}, {@code groupingBy}, ...) whose result
 * map passes through the allocation hook of the site where the collector was made, as a map the
 * code constructed itself would: the map is made by the JDK, the site is the chosen code's line.
 * Everything else is the wrapped collector's; its identity finish is given up for the hook's sake.
 */
final class TrackedCollector<T, A, R> implements Collector<T, A, R> {

    private final Collector<T, A, R> collector;
    private final int siteId;

    TrackedCollector(Collector<T, A, R> collector, int siteId) {
        this.collector = collector;
        this.siteId = siteId;
    }

    @Override
    public Supplier<A> supplier() {
        return collector.supplier();
    }

    @Override
    public BiConsumer<A, T> accumulator() {
        return collector.accumulator();
    }

    @Override
    public BinaryOperator<A> combiner() {
        return collector.combiner();
    }

    @Override
    public Function<A, R> finisher() {
        return new Finisher<>(collector.characteristics().contains(Characteristics.IDENTITY_FINISH)
                ? null : collector.finisher(), siteId);
    }

    @Override
    public Set<Characteristics> characteristics() {
        Set<Characteristics> own = collector.characteristics();
        if (!own.contains(Characteristics.IDENTITY_FINISH)) {
            return own;
        }
        EnumSet<Characteristics> without = EnumSet.noneOf(Characteristics.class);
        for (Characteristics c : own) {
            if (c != Characteristics.IDENTITY_FINISH) {
                without.add(c);
            }
        }
        return Collections.unmodifiableSet(without);
    }

    /** The wrapped finisher (none for an identity finish), then the allocation hook. */
    private static final class Finisher<A, R> implements Function<A, R> {
        private final Function<A, R> finisher;
        private final int siteId;

        Finisher(Function<A, R> finisher, int siteId) {
            this.finisher = finisher;
            this.siteId = siteId;
        }

        @Override
        @SuppressWarnings("unchecked")
        public R apply(A container) {
            Object result = finisher == null ? container : finisher.apply(container);
            return result == null ? null : (R) Hooks.allocated(result, siteId);
        }
    }
}
