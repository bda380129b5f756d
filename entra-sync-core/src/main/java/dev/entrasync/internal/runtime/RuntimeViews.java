package dev.entrasync.internal.runtime;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * How the runtime makes the views it lends its {@link SharedParts} to (onboarding's builder, the mail sender) in
 * other packages, without a public method there that takes an internal type (the JDK's {@code SharedSecrets}
 * pattern). Each view class registers its private constructor here from its own static initializer; {@link #create}
 * initialises the class first, so the factory is registered before it is looked up, whichever class loads first.
 * Keyed by class, so this package depends on neither view's package. Thread-safe.
 */
public final class RuntimeViews {

    private static final Map<Class<?>, Function<SharedParts, ?>> FACTORIES = new ConcurrentHashMap<>();
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private RuntimeViews() {}

    /**
     * Registers how to make {@code view}; called once, from the static initializer of {@code view} itself (or of a
     * class nested with it).
     *
     * @throws IllegalStateException if called from another class, or if {@code view} is registered already
     */
    public static <T> void register(Class<T> view, Function<SharedParts, ? extends T> factory) {
        Objects.requireNonNull(factory, "factory");
        Class<?> caller = WALKER.getCallerClass();
        if (caller.getNestHost() != view.getNestHost()) {
            throw new IllegalStateException(caller.getName() + " may not register " + view.getName());
        }
        if (FACTORIES.putIfAbsent(view, factory) != null) {
            throw new IllegalStateException(view.getName() + " is registered already");
        }
    }

    /**
     * A new {@code view} on {@code parts}, initialising {@code view}'s class first if it is not yet.
     *
     * @throws IllegalStateException if {@code view} registers no factory
     */
    public static <T> T create(Class<T> view, SharedParts parts) {
        Objects.requireNonNull(parts, "parts");
        Function<SharedParts, ?> factory = FACTORIES.get(view);
        if (factory == null) {
            initialize(view);
            factory = FACTORIES.get(view);
            if (factory == null) {
                throw new IllegalStateException(view.getName() + " registers no factory with RuntimeViews");
            }
        }
        return view.cast(factory.apply(parts));
    }

    private static void initialize(Class<?> view) {
        try {
            Class.forName(view.getName(), true, view.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(view.getName() + " cannot be initialised", e);
        }
    }
}
