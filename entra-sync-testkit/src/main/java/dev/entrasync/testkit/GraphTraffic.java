package dev.entrasync.testkit;

/**
 * How much Graph traffic a {@link SimulatedCloud} served since it started or since
 * {@link SimulatedCloud#clearCalls()}, counted whether or not calls are recorded. Immutable.
 *
 * @param requests HTTP requests the Graph server answered ({@code $batch} envelopes count once)
 * @param batchItems inner requests of {@code $batch} envelopes
 * @param throttled answers with status 429, HTTP requests and {@code $batch} items together
 * @param heldBack the simulated latency ({@link SimulatedCloud#latency}) added up over every
 *     answer, in real time
 */
public record GraphTraffic(long requests, long batchItems, long throttled, java.time.Duration heldBack) {}
