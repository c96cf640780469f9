package com.peaktrade.obs.contract;

/**
 * Where a contract entry is written: the contract file as shown to the user and the 1-based line,
 * so check output and errors can point at it ("peaktrade-obs.yaml:42").
 */
public record Where(String file, int line) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
