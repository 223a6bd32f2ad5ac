package com.acme.scenarios;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An index made by the JDK for the chosen code: {@code Collectors.groupingBy} builds the map, the code
 * then adds every new customer to it and never removes one. With {@code bounded} as the second
 * argument the customers beyond the newest 500 are removed again: the bounded twin.
 */
public final class CollectedIndex {

    record Order(String customer, long id) {
    }

    private final Deque<Order> recent = new ArrayDeque<>();
    private Map<String, List<Order>> byCustomer;

    CollectedIndex() {
        byCustomer = index(List.of(new Order("first", 0)));
    }

    private static Map<String, List<Order>> index(java.util.Collection<Order> orders) {
        return orders.stream().collect(Collectors.groupingBy(Order::customer));
    }

    synchronized void order(long i, boolean bounded) {
        Order order = new Order("customer-" + i, i);
        byCustomer.computeIfAbsent(order.customer(), c -> new ArrayList<>()).add(order);
        if (bounded) {
            recent.addLast(order);
            if (recent.size() > 500) {
                byCustomer.remove(recent.removeFirst().customer());
            }
        }
    }

    public static void main(String[] args) {
        boolean bounded = args.length > 1 && args[1].equals("bounded");
        CollectedIndex index = new CollectedIndex();
        long n = Pace.run(Pace.seconds(args, 14), 2000, i -> index.order(i, bounded));
        System.out.println("collected index done orders=" + n + " customers=" + index.byCustomer.size());
    }
}
