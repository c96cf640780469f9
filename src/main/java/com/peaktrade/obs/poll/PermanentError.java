package com.peaktrade.obs.poll;

/**
 * An error that may say of itself that waiting cannot fix it (a certificate the client does not
 * trust stays untrusted): {@link Poller} then stops at once instead of spending the budget.
 */
public interface PermanentError {
    boolean permanent();
}
