package com.peaktrade.obs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;

class PlaintextOnlyTest {
    @Test
    void anyUseForTlsIsRefusedWithANamedReasonNeverAnUnverifiedConnection() {
        assertThatThrownBy(() -> PlaintextOnly.context().createSSLEngine("grafana.example", 443))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TLS is not configured");
        assertThatThrownBy(() -> PlaintextOnly.context().getSocketFactory())
                .hasMessageContaining("plain HTTP only");
        assertThatThrownBy(() -> PlaintextOnly.context().init(null, null, null))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theJdkClientAcceptsItSoPlainHttpClientsSkipTheTrustStore() {
        HttpClient client = HttpClient.newBuilder().sslContext(PlaintextOnly.context()).build();

        assertThat(client.sslContext()).isSameAs(PlaintextOnly.context());
    }
}
