/**
 * Internals of the simulated cloud: dispatchers, endpoint handlers, generators and state.
 *
 * <p>Not API: anything here may change in any release. Hosts use {@link dev.entrasync.testkit}.
 */
package dev.entrasync.testkit.internal;
