/**
 * A simulated Microsoft cloud (login and Graph v1.0) on localhost, for tests and demos.
 *
 * <p>Start one with {@link dev.entrasync.testkit.SimulatedCloud#start()}, register an app with
 * {@link dev.entrasync.testkit.SimulatedCloud#registerApp(String, String)}, build tenants with
 * {@link dev.entrasync.testkit.TenantBuilder}, consent with
 * {@link dev.entrasync.testkit.SimulatedTenant#consent(SimulatedApp, String...)} and point the
 * code under test at {@code loginUrl()} and {@code graphUrl()}. Faults (throttling, failures,
 * token errors, expired delta tokens) are switched on through
 * {@link dev.entrasync.testkit.SimulatedCloud#faults()}; every request is recorded as a
 * {@link dev.entrasync.testkit.RecordedCall}.
 *
 * <p>Everything in this package is thread-safe unless its Javadoc says otherwise. Methods never
 * return {@code null} and reject {@code null} arguments unless documented. Types under
 * {@code dev.entrasync.testkit.internal} are not API.
 */
package dev.entrasync.testkit;
