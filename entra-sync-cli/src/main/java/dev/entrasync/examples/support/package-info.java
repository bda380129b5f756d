/**
 * What the sample hosts share: the host database ({@link dev.entrasync.examples.support.HostDatabase}), the
 * key that encrypts client secrets at rest, the simulated Microsoft cloud the demos run against
 * ({@link dev.entrasync.examples.support.DemoCloud}), consent without a browser, and per-tenant summaries.
 * Sample code, not API.
 */
package dev.entrasync.examples.support;
