package dev.entrasync.internal.engine;

import dev.entrasync.DatasetSink;
import dev.entrasync.SinkContext;
import dev.entrasync.TenantId;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Delegates to a sink, but holds the chosen tenants' {@code complete()} until a latch opens (2 minutes at most, then fails). */
final class HoldingSink implements DatasetSink {

    private final DatasetSink delegate;
    private final Predicate<TenantId> held;
    private final CountDownLatch gate;

    HoldingSink(DatasetSink delegate, Predicate<TenantId> held, CountDownLatch gate) {
        this.delegate = delegate;
        this.held = held;
        this.gate = gate;
    }

    @Override
    public Session open(SinkContext context) {
        return new ForwardingSession(delegate.open(context)) {
            @Override
            public void complete() {
                if (held.test(context.tenant())) {
                    try {
                        if (!gate.await(2, TimeUnit.MINUTES)) {
                            throw new IllegalStateException("held for 2 minutes: the other tenants never finished");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while held", e);
                    }
                }
                super.complete();
            }
        };
    }
}
