package dev.entrasync.internal.graph;

import java.util.function.Supplier;

/** A value loaded once per tenant run; a failure is remembered and rethrown, so a refused request is never sent twice. Not thread-safe. */
final class Memo<T> {

    private T value;
    private RuntimeException failure;
    private boolean loaded;

    T get(Supplier<T> loader) {
        if (!loaded) {
            try {
                value = loader.get();
            } catch (RuntimeException e) {
                failure = e;
            }
            loaded = true;
        }
        if (failure != null) {
            throw failure;
        }
        return value;
    }
}
