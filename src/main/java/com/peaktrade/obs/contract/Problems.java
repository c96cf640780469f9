package com.peaktrade.obs.contract;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems found while reading one contract file, each as "file:line: what is wrong", so that
 * one pass reports all of them and the contract is used only when there are none.
 */
final class Problems {
    private final String file;
    private final LineIndex lines;
    private final List<String> found = new ArrayList<>();

    Problems(String file, LineIndex lines) {
        this.file = file;
        this.lines = lines;
    }

    Where where(String pointer) {
        return new Where(file, lines.line(pointer));
    }

    void add(Where where, String message) {
        found.add(where + ": " + message);
    }

    List<String> all() {
        return List.copyOf(found);
    }

    String file() {
        return file;
    }
}
