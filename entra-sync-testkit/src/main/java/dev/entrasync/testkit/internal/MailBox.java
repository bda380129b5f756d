package dev.entrasync.testkit.internal;

import dev.entrasync.testkit.SentMail;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The messages accepted by {@code sendMail}, in order. Thread-safe. */
public final class MailBox {
    private final ConcurrentLinkedQueue<SentMail> messages = new ConcurrentLinkedQueue<>();

    public void add(SentMail mail) {
        messages.add(mail);
    }

    public List<SentMail> all() {
        return List.copyOf(messages);
    }

    public void clear() {
        messages.clear();
    }
}
