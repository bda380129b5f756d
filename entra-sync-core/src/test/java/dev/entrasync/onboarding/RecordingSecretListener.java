package dev.entrasync.onboarding;

import dev.entrasync.SecretExpiryWarning;
import dev.entrasync.TokenException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Records secret events as lines such as {@code expiring msp 30}. Thread-safe. */
final class RecordingSecretListener implements SecretListener {

    private final List<String> events = new ArrayList<>();

    @Override
    public synchronized void secretExpiring(SecretExpiryWarning warning) {
        events.add("expiring " + warning.credentialName() + " " + warning.thresholdDays());
    }

    @Override
    public synchronized void secretExpired(SecretExpiryWarning warning) {
        events.add("expired " + warning.credentialName());
    }

    @Override
    public synchronized void secretRotated(String credentialName, Instant newExpiry) {
        events.add("rotated " + credentialName);
    }

    @Override
    public synchronized void secretRotationFailed(String credentialName, TokenException failure) {
        events.add("rotation failed " + credentialName + " " + failure.failure());
    }

    synchronized List<String> events() {
        return List.copyOf(events);
    }
}
