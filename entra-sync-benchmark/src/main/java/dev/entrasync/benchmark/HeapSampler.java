package dev.entrasync.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Samples the heap in use every 5 ms on a daemon thread and keeps the most seen. Garbage not yet
 * collected counts, as it does for the heap a process must be given. Thread-safe.
 */
final class HeapSampler implements AutoCloseable {

    private static final double MIB = 1024.0 * 1024.0;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile long peak;
    private volatile boolean running = true;

    HeapSampler() {
        thread = new Thread(this::sample, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        while (running) {
            long used = memory.getHeapMemoryUsage().getUsed();
            if (used > peak) {
                peak = used;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The most heap in use seen so far, MiB. */
    double peakMiB() {
        long used = memory.getHeapMemoryUsage().getUsed();
        return Math.max(peak, used) / MIB;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
