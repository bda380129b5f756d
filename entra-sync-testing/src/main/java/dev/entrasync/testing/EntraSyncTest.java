package dev.entrasync.testing;

import dev.entrasync.Dataset;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class (or one test method) against the simulated Microsoft cloud through
 * {@link SimulatedCloudExtension}: before each test a fresh {@link TestHost} starts as the attributes describe
 * it, its parts are injected into the test's constructor and method parameters, and it closes after the test.
 * On a method, the method's attributes win over the class's.
 *
 * <pre>{@code
 * @EntraSyncTest(users = 50)
 * class UsersSyncTest {
 *     @Test
 *     void syncsTheTenant(SyncEngine engine, TenantId tenant, RecordingSink sink) {
 *         engine.sync(TestHost.CREDENTIAL, tenant, Set.of(Dataset.USERS));
 *         assertThat(sink.records(tenant, Dataset.USERS)).hasSize(50);
 *     }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SimulatedCloudExtension.class)
public @interface EntraSyncTest {

    /** The display name of the tenant the host starts with; its company id is the name in lower case. */
    String tenant() default "Contoso";

    /** How many users the tenant has (one in 25 a guest). */
    int users() default 30;

    /** The datasets the tenant is mapped with; all when empty. */
    Dataset[] datasets() default {};

    /**
     * True: the runtime and the cloud run on a {@link FakeTime} (sleeping takes no time); false: on the system
     * clock and {@code Sleeper.SYSTEM}, and no {@link FakeTime} can be injected.
     */
    boolean fakeTime() default true;
}
