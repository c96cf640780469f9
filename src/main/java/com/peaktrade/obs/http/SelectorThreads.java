package com.peaktrade.obs.http;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Lets the JVM exit at once after the JDK's HttpClient has been used. Each HttpClient keeps a
 * selector thread waiting in native code (epoll) for as long as the client lives, and on JDK 17
 * there is no public way to stop it ({@code HttpClient.close()} arrived in 21). At exit the JVM waits
 * up to 300 ms for threads in native code to block: every command that spoke HTTP paid that 300 ms
 * (measured: 320 ms on 17 and on 25, against 20 ms without a client). Interrupting a selector thread
 * is what makes it leave its loop and close its client; the command is done by then, so nothing is
 * in flight that could be lost.
 */
public final class SelectorThreads {
    // the name the JDK gives it: HttpClientImpl.SelectorManager, "HttpClient-<id>-SelectorManager"
    private static final Pattern NAME = Pattern.compile("HttpClient-\\d+-SelectorManager");
    private static final long JOIN_MILLIS = 50;

    private SelectorThreads() {
    }

    /** Stops the selector threads of every HttpClient of this process; call only when the process is about to exit. */
    public static void release() {
        List<Thread> selectors = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (NAME.matcher(thread.getName()).matches()) {
                thread.interrupt();
                selectors.add(thread);
            }
        }
        for (Thread selector : selectors) {
            try {
                selector.join(JOIN_MILLIS); // out of native code before the JVM starts waiting for it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
