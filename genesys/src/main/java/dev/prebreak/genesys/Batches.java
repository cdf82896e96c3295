package dev.prebreak.genesys;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/** Cuts a list into consecutive batches. */
final class Batches {
    private Batches() {
    }

    static <T> List<List<T>> of(List<T> items, int size) {
        List<List<T>> batches = new ArrayList<>((items.size() + size - 1) / size);
        for (int i = 0; i < items.size(); i += size) {
            batches.add(List.copyOf(items.subList(i, Math.min(items.size(), i + size))));
        }
        return batches;
    }

    /** The ids without duplicates or nulls, in their first order. */
    static List<String> distinct(Collection<String> ids) {
        LinkedHashSet<String> set = new LinkedHashSet<>();
        for (String id : ids) {
            if (id != null && !id.isBlank()) {
                set.add(id);
            }
        }
        return List.copyOf(set);
    }
}
