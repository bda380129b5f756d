package dev.entrasync.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entrasync.GraphLimits;
import dev.entrasync.HttpSettings;
import dev.entrasync.InMemoryCredentialStore;
import dev.entrasync.Sleeper;
import dev.entrasync.internal.graph.GraphTransport;
import dev.entrasync.mail.MailSender;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RuntimeViewsTest {

    private final GraphTransport transport =
            new GraphTransport(HttpSettings.ofDefaults(), GraphLimits.ofDefaults(), Clock.systemUTC(), Sleeper.SYSTEM);
    private final SharedParts parts =
            new SharedParts(new InMemoryCredentialStore(), transport, Clock.systemUTC(), Sleeper.SYSTEM);

    @AfterEach
    void close() {
        transport.close();
    }

    @Test
    void createInitialisesTheViewClassSoItsFactoryIsRegistered() {
        LazyView view = RuntimeViews.create(LazyView.class, parts); // no other test touches LazyView

        assertThat(view.parts).isSameAs(parts);
    }

    @Test
    void refusesARegistrationFromAnotherClass() {
        assertThatThrownBy(() -> RuntimeViews.register(MailSender.class, p -> null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(RuntimeViewsTest.class.getName() + " may not register " + MailSender.class.getName());
    }

    @Test
    void refusesASecondRegistration() {
        RuntimeViews.create(View.class, parts);

        assertThatThrownBy(View::registerAgain)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(View.class.getName() + " is registered already");
    }

    @Test
    void namesAClassThatRegistersNothing() {
        assertThatThrownBy(() -> RuntimeViews.create(String.class, parts))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("java.lang.String registers no factory with RuntimeViews");
    }

    /** A view that, like onboarding's builder and the mail sender, registers itself when its class is initialised. */
    static final class View {
        static {
            RuntimeViews.register(View.class, View::new);
        }

        private View(SharedParts parts) {}

        static void registerAgain() {
            RuntimeViews.register(View.class, View::new);
        }
    }

    /** Initialised only by {@link RuntimeViews#create}, in one test. */
    static final class LazyView {
        static {
            RuntimeViews.register(LazyView.class, LazyView::new);
        }

        final SharedParts parts;

        private LazyView(SharedParts parts) {
            this.parts = parts;
        }
    }
}
