package com.peaktrade.obs.prometheus;

import com.peaktrade.obs.http.Response;
import java.time.Duration;

/**
 * The answer of {@code POST /-/reload}, whatever its status, so the caller can explain each:
 * 200 reloaded; 403 {@code Lifecycle API is not enabled.} (no {@code --web.enable-lifecycle});
 * 500 {@code failed to reload config: …} (the old config stays active); 405 wrong method.
 *
 * @param body the body trimmed to one line of about 300 characters
 */
public record ReloadAnswer(String url, int status, String body, Duration latency) {

    static ReloadAnswer of(Response response) {
        return new ReloadAnswer(response.url(), response.status(), response.excerpt(), response.latency());
    }

    public boolean ok() {
        return status == 200;
    }

    /** 403 from Prometheus itself: started without {@code --web.enable-lifecycle}. */
    public boolean lifecycleDisabled() {
        return status == 403 && body.contains("Lifecycle API is not enabled");
    }

    /** 500: the new config was rejected; {@link #body()} holds Prometheus' reason. */
    public boolean configRejected() {
        return status == 500;
    }
}
