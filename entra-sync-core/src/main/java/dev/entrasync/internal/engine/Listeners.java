package dev.entrasync.internal.engine;

import dev.entrasync.SyncListener;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls every listener; one that throws is logged and does not stop the others or the sync. */
final class Listeners {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final List<SyncListener> listeners;

    Listeners(List<SyncListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    void fire(Consumer<SyncListener> event) {
        for (SyncListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("A SyncListener threw; ignored: {}", e.toString());
            }
        }
    }
}
