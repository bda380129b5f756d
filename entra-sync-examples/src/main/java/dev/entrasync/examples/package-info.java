/**
 * Short runnable recipes for hosts, each a {@code main} that runs against the simulated cloud and is run by a
 * test: quick start, in-memory host, JDBC host, clustered host and mail report. Sample code, not API.
 */
package dev.entrasync.examples;
