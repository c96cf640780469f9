package com.peaktrade.obs.checks;

import com.peaktrade.obs.http.HttpFailure;

/** One-line descriptions of why a call failed, for messages and evidence. */
final class Failures {
    private Failures() {
    }

    static String describe(Exception e) {
        if (e instanceof HttpFailure f) {
            return f.getMessage();
        }
        String msg = e.getMessage();
        return e.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
    }

    /** The problem of a failed call without the "METHOD url: " prefix its message starts with. */
    static String problem(HttpFailure f) {
        String prefix = f.method() + " " + f.url() + ": ";
        return f.getMessage().startsWith(prefix) ? f.getMessage().substring(prefix.length()) : f.getMessage();
    }

    static boolean unreachable(Exception e) {
        return e instanceof HttpFailure f && f.kind() == HttpFailure.Kind.UNREACHABLE;
    }
}
