package com.peaktrade.obs.lint;

import com.peaktrade.obs.contract.Where;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Collects findings, broken inputs and per-rule notes while the rules run; paths shown relative to a base. */
final class Findings {
    /** A file lint could not read as what it should be; exits 2. */
    public record Broken(String file, int line, String message) {
    }

    private final Path base;
    private final Set<List<Object>> seen = new LinkedHashSet<>();
    private final List<Finding> findings = new ArrayList<>();
    private final List<Broken> broken = new ArrayList<>();
    /** Rule id → why it could not run (a missing part of the inputs). */
    private final Map<String, String> skipped = new LinkedHashMap<>();
    /** Rule id → how much it checked ("4 files"). */
    private final Map<String, String> checked = new LinkedHashMap<>();

    Findings(Path base) {
        this.base = base;
    }

    String show(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (base != null && abs.startsWith(base)) {
            return base.relativize(abs).toString();
        }
        return abs.toString();
    }

    void add(Rule rule, Path file, int line, String value, String message) {
        add(rule, file, line, value, message, rule.hint());
    }

    void add(Rule rule, Path file, int line, String value, String message, String hint) {
        String shown = show(file);
        if (seen.add(List.of(rule.id(), shown, line, message))) {
            findings.add(new Finding(rule, shown, line, value, message, hint));
        }
    }

    /** A finding in the contract itself, at its entry's file:line. */
    void add(Rule rule, Where where, String value, String message) {
        // a contract on disk is shown like the assets (relative when inside them); the embedded one by its name
        String shown = Files.isRegularFile(Path.of(where.file())) ? show(Path.of(where.file())) : where.file();
        if (seen.add(List.of(rule.id(), shown, where.line(), message))) {
            findings.add(new Finding(rule, shown, where.line(), value, message, rule.hint()));
        }
    }

    void broken(Path file, int line, String message) {
        Broken b = new Broken(show(file), line, message);
        if (!broken.contains(b)) {
            broken.add(b);
        }
    }

    void skip(Rule rule, String why) {
        skipped.putIfAbsent(rule.id(), why);
    }

    /** The rule could not run at all (an input missing, or off): said instead of whatever it checked. */
    void notRun(Rule rule, String why) {
        checked.remove(rule.id());
        skipped.put(rule.id(), why);
    }

    boolean accountedFor(Rule rule) {
        return checked.containsKey(rule.id()) || skipped.containsKey(rule.id());
    }

    void checked(Rule rule, String what) {
        checked.put(rule.id(), what);
    }

    List<Finding> findings() {
        return List.copyOf(findings);
    }

    List<Broken> brokenInputs() {
        return List.copyOf(broken);
    }

    Map<String, String> skipped() {
        return Map.copyOf(skipped);
    }

    Map<String, String> checked() {
        return Map.copyOf(checked);
    }
}
