package com.peaktrade.obs.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** A verify run's lines output, parsed the way a CI grep would read it. */
public record VerifyRun(CliProcess.Result process, Map<String, String> statusById, Map<String, String> messageById,
        Map<String, String> hintById) {

    public static VerifyRun parse(CliProcess.Result process) {
        Map<String, String> status = new LinkedHashMap<>();
        Map<String, String> message = new LinkedHashMap<>();
        Map<String, String> hint = new LinkedHashMap<>();
        String lastId = null;
        for (String line : process.out().split("\n")) {
            String[] parts = line.split("\\|", 3);
            if (parts.length == 3 && parts[0].matches("PASS|FAIL|WARN|SKIP")) {
                status.put(parts[1], parts[0]);
                message.put(parts[1], parts[2]);
                lastId = parts[1];
            } else if (parts.length >= 2 && parts[0].equals("NEXT") && lastId != null) {
                hint.put(lastId, line.substring("NEXT|".length()));
            }
        }
        return new VerifyRun(process, status, message, hint);
    }

    public String status(String id) {
        return statusById.getOrDefault(id, "(not run)");
    }

    /** The checks that did not PASS, id → status. */
    public Map<String, String> notPassing() {
        Map<String, String> not = new LinkedHashMap<>(statusById);
        not.values().removeIf("PASS"::equals);
        return not;
    }

    public boolean passed() {
        return process.out().strip().endsWith("RESULT=PASS");
    }

    @Override
    public String toString() {
        return process.toString();
    }
}
