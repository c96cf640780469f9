package com.peaktrade.obs.checks;

import com.peaktrade.obs.contract.Where;
import java.util.List;

/**
 * One way a live system falls short of a contract entry: what is wrong, and where the contract
 * says otherwise (file:line), for the evidence of a FAIL or WARN.
 */
record Shortfall(String problem, Where where) {

    /** "peaktrade-obs.yaml:42: missing peaktrade-prometheus-main": the evidence line. */
    String evidence() {
        return "contract " + where + ": " + problem;
    }

    static String messages(List<Shortfall> shortfalls) {
        return String.join("; ", shortfalls.stream().map(Shortfall::problem).toList());
    }

    static List<String> evidence(List<Shortfall> shortfalls) {
        return shortfalls.stream().map(Shortfall::evidence).toList();
    }
}
