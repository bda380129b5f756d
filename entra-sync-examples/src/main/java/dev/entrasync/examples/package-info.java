/** Sample hosts. */
package dev.entrasync.examples;
