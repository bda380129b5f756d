package dev.entrasync.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * Samples the machine's one-minute load average every 5 seconds while a run lasts: other work on a
 * shared machine slows every real-time figure, so the report says how busy it was. Thread-safe.
 */
final class LoadSampler implements AutoCloseable {

    /** The load average over the run: mean and highest of the samples. */
    record Load(double mean, double max, int samples) {}

    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    private final Thread thread;
    private double sum;
    private double max;
    private int samples;
    private volatile boolean running = true;

    LoadSampler() {
        thread = new Thread(this::sample, "load-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        while (running) {
            record(os.getSystemLoadAverage());
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void record(double load) {
        if (load >= 0) {
            sum += load;
            max = Math.max(max, load);
            samples++;
        }
    }

    /** The load so far. */
    synchronized Load load() {
        return new Load(samples == 0 ? 0 : sum / samples, max, samples);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
