package dev.entrasync.internal.graph;

import java.io.IOException;
import java.io.InputStream;

/** Reads a successful response's body (streaming). Runs inside the retried attempt, so a malformed body is retried. */
@FunctionalInterface
public interface ResponseReader<T> {
    T read(InputStream body) throws IOException;
}
