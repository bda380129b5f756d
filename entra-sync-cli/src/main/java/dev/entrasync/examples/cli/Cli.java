package dev.entrasync.examples.cli;

import dev.entrasync.Dataset;
import dev.entrasync.examples.support.HostDatabase;
import dev.entrasync.onboarding.Onboarding;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What several commands share. */
final class Cli {

    /** Where administrators land after consenting, unless {@code --redirect-uri} says otherwise: the web host's callback. */
    static final String DEFAULT_REDIRECT_URI = "http://localhost:8080/consent/callback";

    private Cli() {}

    /**
     * Onboarding on the database's stores. A command line cannot wait for a consent to propagate, so grants
     * are checked once; the consent-link key is random unless the host's is given; with mail enabled the
     * preflight expects Mail.Send.
     */
    static Onboarding onboarding(HostDatabase db, String redirectUri, byte[] stateKey, boolean mailEnabled) {
        return db.runtime()
                .onboarding()
                .consents(db.storage().consentStore())
                .stateKey(stateKey == null ? randomKey() : stateKey)
                .redirectUri(redirectUri)
                .propagationWindow(Duration.ZERO)
                .mailEnabled(mailEnabled)
                .build();
    }

    static Onboarding onboarding(HostDatabase db, String redirectUri) {
        return onboarding(db, redirectUri, null, false);
    }

    /** The datasets named (keys such as {@code users} or {@code audit-logs}); all when none. */
    static Set<Dataset> datasets(List<String> keys) {
        if (keys == null || keys.isEmpty()) {
            return EnumSet.allOf(Dataset.class);
        }
        EnumSet<Dataset> chosen = EnumSet.noneOf(Dataset.class);
        keys.forEach(key -> chosen.add(Dataset.of(key)));
        return chosen;
    }

    static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
