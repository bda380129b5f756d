package dev.entrasync.benchmark;

import java.lang.management.ManagementFactory;

/**
 * The machine a run measured: cores, memory, Java, and the load average when the run started
 * (other work on the machine slows every figure).
 */
record Machine(int cores, long memoryMiB, String java, String os, double loadAverage) {

    static Machine current() {
        long memory = 0;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize() / (1024 * 1024);
        }
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                memory,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
