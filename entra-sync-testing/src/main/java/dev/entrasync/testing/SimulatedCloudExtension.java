package dev.entrasync.testing;

import dev.entrasync.SyncEngine;
import dev.entrasync.TenantId;
import dev.entrasync.runtime.EntraSync;
import dev.entrasync.testkit.SimulatedApp;
import dev.entrasync.testkit.SimulatedCloud;
import dev.entrasync.testkit.SimulatedTenant;
import java.lang.reflect.AnnotatedElement;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link EntraSyncTest}: gives each test a fresh {@link TestHost} (the simulated
 * cloud, a runtime with a credential for its app, an engine wired to in-memory stores and a
 * {@link RecordingSink}) and closes it when the test ends, with the test's extension context.
 *
 * <p>Injects, into test constructors and methods (and lifecycle methods): {@link TestHost},
 * {@link SimulatedCloud}, {@link SimulatedApp}, {@link SimulatedTenant} and {@link TenantId} (the host's tenant),
 * {@link EntraSync}, {@link SyncEngine}, {@link RecordingSink}, {@link Clock} and {@link FakeTime} (only when the
 * host runs on fake time). Every parameter of one test gets the same host, whether a constructor, a
 * {@code @BeforeEach} or the test method asks. Registered by {@link EntraSyncTest}, or with
 * {@code @ExtendWith(SimulatedCloudExtension.class)} for the annotation's defaults.
 */
public final class SimulatedCloudExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SimulatedCloudExtension.class);

    private static final Map<Class<?>, Function<TestHost, Object>> PARTS = Map.of(
            TestHost.class, h -> h,
            SimulatedCloud.class, TestHost::cloud,
            SimulatedApp.class, TestHost::app,
            SimulatedTenant.class, TestHost::tenant,
            TenantId.class, TestHost::tenantId,
            EntraSync.class, TestHost::runtime,
            SyncEngine.class, TestHost::engine,
            RecordingSink.class, TestHost::sink,
            Clock.class, TestHost::clock,
            FakeTime.class,
                    h -> h.fakeTime()
                            .orElseThrow(
                                    () -> new ParameterResolutionException(
                                            "@EntraSyncTest(fakeTime = false) runs on the system clock: there is no FakeTime to inject")));

    @EntraSyncTest
    private static final class Defaults {}

    /** Constructor parameters get the test method's context, so they share the method's host. */
    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return PARTS.containsKey(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return PARTS.get(parameter.getParameter().getType()).apply(host(context));
    }

    /**
     * The host of the test running in {@code context}, started on first use and closed with the test's context
     * (the class's, for a class-level parameter of a {@code PER_CLASS} test instance).
     */
    private static TestHost host(ExtensionContext context) {
        EntraSyncTest settings = settings(context);
        return context.getStore(NAMESPACE)
                .computeIfAbsent(TestHost.class, k -> TestHost.start(settings), TestHost.class);
    }

    private static EntraSyncTest settings(ExtensionContext context) {
        Optional<EntraSyncTest> found = context.getTestMethod().flatMap(m -> find(m));
        for (Optional<Class<?>> type = context.getTestClass();
                found.isEmpty() && type.isPresent();
                type = Optional.ofNullable(type.get().getEnclosingClass())) {
            found = find(type.get());
        }
        EntraSyncTest settings = found.orElseGet(() -> Defaults.class.getAnnotation(EntraSyncTest.class));
        if (settings.users() < 1) {
            throw new ExtensionConfigurationException(
                    "@EntraSyncTest(users = " + settings.users() + "): a tenant needs at least one user");
        }
        return settings;
    }

    private static Optional<EntraSyncTest> find(AnnotatedElement element) {
        return AnnotationSupport.findAnnotation(element, EntraSyncTest.class);
    }
}
