package dev.entrasync.model;

/** A row of a dataset: every record has the Graph object id that keys it within its tenant. */
public interface EntraRecord {

    /** The Graph object id (unique within the tenant and dataset); never null. */
    String id();
}
