/**
 * Benchmarks, not API: a fleet of simulated tenants (the testkit's simulated cloud with Graph's
 * latency and throttling) synced by entra-sync and by the loop a developer would write with the
 * Microsoft Graph SDK, side by side; one large tenant under a small heap; a run with a share of
 * Graph's answers turned into 429s, checked row by row. {@link dev.entrasync.benchmark.BenchmarkMain}
 * is the command line; {@code BENCHMARKS.md} at the repository root holds the figures and how they
 * are obtained. Nothing here may be relied on by hosts.
 */
package dev.entrasync.benchmark;
