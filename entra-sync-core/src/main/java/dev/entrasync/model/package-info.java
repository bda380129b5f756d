/**
 * The records entra-sync hands to a {@code DatasetSink}: one immutable record type per
 * dataset, holding the Graph fields the product shows. Lists are never null (empty instead);
 * scalar fields Graph may leave out are null.
 */
package dev.entrasync.model;
