package dev.entrasync.internal.graph;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/** Reads one item of a page's {@code value} array; the parser is on its START_OBJECT and must be left on its END_OBJECT. */
@FunctionalInterface
public interface ItemReader<R> {
    R read(JsonParser parser) throws IOException;
}
