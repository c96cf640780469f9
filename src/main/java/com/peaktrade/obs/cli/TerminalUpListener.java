package com.peaktrade.obs.cli;

import com.peaktrade.obs.docker.UpListener;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Prints `up`/`down` steps as indented lines; pull progress as a bar on a terminal, else every 10 %. */
final class TerminalUpListener implements UpListener {
    private final PrintWriter out;
    private final boolean terminal;
    private final Map<String, Long> lastDecile = new HashMap<>();

    TerminalUpListener(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void step(String message) {
        out.println("  " + message);
        out.flush();
    }

    @Override
    public synchronized void pullProgress(String image, long current, long total, String status) {
        if (total <= 0) {
            return;
        }
        int percent = (int) Math.min(100, current * 100 / total);
        if (terminal) {
            int filled = percent / 5;
            out.print(String.format(Locale.ROOT, "\r  pulling %s [%-20s] %3d%% %s", image, "#".repeat(filled),
                    percent, mb(current) + "/" + mb(total)));
            if (percent == 100) {
                out.println();
            }
            out.flush();
        } else if (lastDecile.getOrDefault(image, -1L) < percent / 10) {
            lastDecile.put(image, (long) percent / 10);
            out.println("  pulling " + image + ": " + percent + "% of " + mb(total));
            out.flush();
        }
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
