package com.peaktrade.obs.contract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The problems found while reading one contract file, each as "file:line: what is wrong", so that
 * one pass reports all of them (in line order) and the contract is used only when there are none.
 */
final class Problems {
    private record Problem(int line, String text) {
    }

    private final String file;
    private final LineIndex lines;
    private final List<Problem> found = new ArrayList<>();

    Problems(String file, LineIndex lines) {
        this.file = file;
        this.lines = lines;
    }

    Where where(String pointer) {
        return new Where(file, lines.line(pointer));
    }

    void add(Where where, String message) {
        found.add(new Problem(where.line(), where + ": " + message));
    }

    /** In line order; problems on one line in the order they were found. */
    List<String> all() {
        return found.stream().sorted(Comparator.comparingInt(Problem::line)).map(Problem::text).toList();
    }
}
