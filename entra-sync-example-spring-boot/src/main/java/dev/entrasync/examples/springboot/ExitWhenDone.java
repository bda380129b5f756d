package dev.entrasync.examples.springboot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With {@code psa.exit-when-done=true} (the {@code simulated} profile), closes the application once it is ready,
 * that is once {@link TenantReport} has printed, so the demo is one command that ends. Closing the context closes
 * the engine (cleanly, as at any shutdown), the runtime, the database pool and the simulated cloud.
 */
@Component
@ConditionalOnBooleanProperty("psa.exit-when-done")
@Order(Ordered.LOWEST_PRECEDENCE)
class ExitWhenDone implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ExitWhenDone.class);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        LOG.info("psa.exit-when-done: the report is printed; closing the application");
        event.getApplicationContext().close();
    }
}
