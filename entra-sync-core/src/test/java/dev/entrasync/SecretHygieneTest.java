package dev.entrasync;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.entrasync.testing.TestHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The client secret never reaches a log line (at any level, ours or MSAL's) or an exception's text. */
@dev.entrasync.testing.EntraSyncTest(users = 50)
class SecretHygieneTest {

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Logger root;
    private Level previous;

    @BeforeEach
    void captureEverything() {
        root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previous = root.getLevel();
        root.setLevel(Level.ALL);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void restore() {
        root.detachAppender(logs);
        root.setLevel(previous);
    }

    @Test
    void secretsAppearInNoLogLineAndNoException(TestHost host, SyncEngine engine, TenantId tenant) {
        String wrongSecret = "Wr0ng~Secret.Value-ThatMustNeverBeLogged_987654321";
        host.credentials()
                .save(host.credentials().find(TestHost.CREDENTIAL).orElseThrow().toBuilder()
                        .name("wrong")
                        .secret(wrongSecret)
                        .build());
        List<String> texts = new ArrayList<>();

        SyncResult ok = engine.sync(TestHost.CREDENTIAL, tenant, Set.of(Dataset.USERS));
        assertThat(ok.succeeded()).isTrue();
        try {
            engine.sync("wrong", tenant, Set.of(Dataset.USERS));
        } catch (TokenException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                texts.add(String.valueOf(t.getMessage()));
                texts.add(t.toString());
            }
        }
        host.credentials().list().forEach(c -> texts.add(c.toString()));
        logs.list.forEach(event -> {
            texts.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                texts.add(event.getThrowableProxy().getMessage());
            }
        });

        assertThat(texts)
                .isNotEmpty()
                .noneMatch(t -> t != null && (t.contains(TestHost.SECRET) || t.contains(wrongSecret)));
        assertThat(texts).anyMatch(t -> t != null && t.contains("AADSTS7000215"));
    }
}
