/**
 * entra-sync's meters and observations in the host's Micrometer registries. Start at
 * {@link dev.entrasync.micrometer.EntraSyncMetrics}: build it on the host's {@code MeterRegistry} (and, for a span per
 * job and per dataset, its {@code ObservationRegistry}), add its listener to the engine, and bind it to the runtime
 * and engine for the gauges.
 */
package dev.entrasync.micrometer;
