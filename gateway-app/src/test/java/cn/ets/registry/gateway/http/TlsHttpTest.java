package cn.ets.registry.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ets.registry.gateway.Registry;
import cn.ets.registry.gateway.identity.CertificateAuthority;
import cn.ets.registry.gateway.identity.Pem;
import cn.ets.registry.gateway.ledger.LedgerIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With --tls-cert and --tls-key the gateway speaks HTTPS only: tokens never cross the network in clear text. */
class TlsHttpTest {

    @Test
    void the_gateway_serves_https_with_the_given_certificate_and_nothing_in_clear_text(@TempDir Path dir)
            throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("TlsTest", "TlsTestMSP");
        LedgerIdentity server = ca.issue("gateway.test", Map.of());
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Files.writeString(cert, server.certificatePem() + Pem.write(ca.certificate()));
        Files.writeString(key, Pem.write(server.privateKey()));

        try (Registry r = Registry.embedded(dir.resolve("data"), false)) {
            r.start("127.0.0.1", 0, new Tls(cert, key));
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca.certificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);

            HttpsURLConnection https = (HttpsURLConnection) URI.create("https://127.0.0.1:" + r.port() + "/health")
                    .toURL()
                    .openConnection();
            https.setSSLSocketFactory(ssl.getSocketFactory());
            https.setHostnameVerifier((host, session) -> true); // the test certificate names no IP address
            assertThat(https.getResponseCode()).isEqualTo(200);
            assertThat(https.getServerCertificates()[0]).isEqualTo(server.certificate());
            try (InputStream in = https.getInputStream()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .contains("\"UP\"");
            }

            HttpURLConnection plain = (HttpURLConnection) URI.create("http://127.0.0.1:" + r.port() + "/health")
                    .toURL()
                    .openConnection();
            plain.setReadTimeout(5_000);
            assertThatThrownBy(plain::getResponseCode)
                    .as("plain HTTP to the TLS port")
                    .isInstanceOf(IOException.class);
        }
    }
}
