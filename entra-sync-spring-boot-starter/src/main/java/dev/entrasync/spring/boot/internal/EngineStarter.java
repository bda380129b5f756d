package dev.entrasync.spring.boot.internal;

import dev.entrasync.SyncEngine;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Starts the auto-configured engine's schedule once the application is ready: after every bean, runner and the
 * application's own start-up code, so the first scheduled sync never meets a half-started host. The engine is closed
 * (its running jobs cancelled, their sink sessions aborted) when the context closes, as a bean.
 */
public final class EngineStarter implements ApplicationListener<ApplicationReadyEvent>, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(EngineStarter.class);

    private final SyncEngine engine;
    private final AtomicBoolean started = new AtomicBoolean();

    /**
     * A starter for one engine.
     *
     * @param engine the engine to start
     */
    public EngineStarter(SyncEngine engine) {
        this.engine = engine;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        // a child context's ready event reaches the parent's listeners too: start once
        if (started.compareAndSet(false, true)) {
            engine.start();
            LOG.info("entra-sync: the engine's schedule started");
        }
    }

    /** Before the application's own ready listeners (one that closes the context, say). */
    @Override
    public int getOrder() {
        return 0;
    }

    /**
     * Whether the schedule was started.
     *
     * @return true once the application was ready and the engine started
     */
    public boolean started() {
        return started.get();
    }
}
