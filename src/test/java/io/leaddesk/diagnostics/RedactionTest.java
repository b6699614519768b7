package io.leaddesk.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {
    @Test
    void masksTokensSecretsEmailsAndInternationalPhonesButKeepsIdsAndPaths() {
        // an invented token of Meta's shape, put together here so that no file in the repository holds one
        String token = "EAAG" + "m0PX4ZCpsBAKZB" + "qwertyuiopasdfghjklzxcvbnm1234567890";
        String text = "GET /v25.0/me?access_token=abc.def&fields=id Authorization: Bearer " + token
                + " secret 0123456789abcdef0123456789abcdef token " + token
                + " lead 1234567890123456 from olena.k@example.com, +380 50 123-45-67, in /home/olena/leads.csv";
        String r = Redaction.redact(text);
        assertThat(r).doesNotContain(token).doesNotContain("abc.def").doesNotContain("0123456789abcdef0123456789abcdef")
                .doesNotContain("olena.k@example.com").doesNotContain("123-45-67")
                .contains("access_token=<redacted>", "Bearer <redacted>", "<secret>", "<e-mail>", "<phone>")
                .contains("lead 1234567890123456", "/home/olena/leads.csv", "fields=id");
    }
}
