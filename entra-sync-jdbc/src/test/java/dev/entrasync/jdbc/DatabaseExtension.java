package dev.entrasync.jdbc;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/** Provides one invocation per {@link TestServer} for {@link DatabaseTest} methods. */
final class DatabaseExtension implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getRequiredTestMethod().isAnnotationPresent(DatabaseTest.class);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Arrays.stream(TestServer.values()).map(Invocation::new);
    }

    private record Invocation(TestServer server) implements TestTemplateInvocationContext {

        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + server.key() + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new PerServer(server));
        }
    }

    /** Skips or fails an unavailable server, resolves and closes the {@link TestDatabase}. */
    private static final class PerServer
            implements ExecutionCondition, BeforeEachCallback, ParameterResolver, AfterEachCallback {

        private final TestServer server;
        private TestDatabase database;

        PerServer(TestServer server) {
            this.server = server;
        }

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return server.unavailableReason()
                    .filter(reason -> !TestServer.ci())
                    .map(reason -> ConditionEvaluationResult.disabled(reason + " (skipped; with CI=true it fails)"))
                    .orElse(ConditionEvaluationResult.enabled(server.key() + " is available"));
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            server.unavailableReason().ifPresent(reason -> {
                throw new AssertionError(reason + ". CI=true requires H2, PostgreSQL and MariaDB:"
                        + " start the server or fix its connection settings.");
            });
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TestDatabase.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            if (database == null) {
                database = new TestDatabase(server);
            }
            return database;
        }

        @Override
        public void afterEach(ExtensionContext context) {
            if (database != null) {
                database.close();
                database = null;
            }
        }
    }
}
