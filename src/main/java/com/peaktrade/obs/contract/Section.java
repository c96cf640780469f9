package com.peaktrade.obs.contract;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One list of expectations that a contract may leave out. Absent means nothing is expected there,
 * which verify says once; that is told apart from a section written but empty (or with no value),
 * which says the same on purpose.
 *
 * @param declaredAt where the section's key is, empty when the contract does not have it
 */
public record Section<T>(List<T> entries, Optional<Where> declaredAt) {
    public Section {
        entries = List.copyOf(entries);
    }

    public static <T> Section<T> absent() {
        return new Section<>(List.of(), Optional.empty());
    }

    public static <T> Section<T> declared(List<T> entries, Where where) {
        return new Section<>(entries, Optional.of(where));
    }

    public boolean isAbsent() {
        return declaredAt.isEmpty();
    }

    /** True when nothing is expected: absent, or declared without entries. */
    public boolean expectsNothing() {
        return entries.isEmpty();
    }

    public Optional<T> find(Predicate<T> matching) {
        return entries.stream().filter(matching).findFirst();
    }
}
