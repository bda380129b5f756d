package dev.entrasync.testkit.internal;

/** Answers one Graph route. Implementations are stateless and thread-safe. */
@FunctionalInterface
public interface GraphHandler {
    /** Returns the response, or throws {@link GraphException} for a Graph error. */
    SimResponse handle(GraphContext context);
}
