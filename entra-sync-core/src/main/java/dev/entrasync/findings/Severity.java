package dev.entrasync.findings;

/** How urgent a {@link Finding} is, most urgent first (the order of the constants). */
public enum Severity {
    /** An attacker path open now: fix today. */
    CRITICAL,
    /** A serious weakness: fix this week. */
    HIGH,
    /** A weakness worth planning a fix for. */
    MEDIUM,
    /** Hygiene: cost or clutter more than risk. */
    LOW,
    /** Not a problem: something a person should know, such as a rule that could not be evaluated. */
    INFO
}
