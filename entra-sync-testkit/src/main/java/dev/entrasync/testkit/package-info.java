/** A simulated Microsoft cloud for tests and demos. */
package dev.entrasync.testkit;
