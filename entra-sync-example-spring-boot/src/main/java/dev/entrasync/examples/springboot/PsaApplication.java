package dev.entrasync.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A PSA's Spring Boot application with entra-sync: the starter builds the runtime and the engine from
 * {@code application.yml}, keeps everything in the application's H2 database, maps the companies listed there, and
 * starts syncing when the application is ready. {@link TenantReport} prints what is in the database.
 *
 * <pre>
 * mvn -B -q package -DskipTests
 * java -jar entra-sync-example-spring-boot/target/entra-sync-example-spring-boot.jar --spring.profiles.active=simulated
 * </pre>
 */
@SpringBootApplication
public class PsaApplication {

    /**
     * Starts the application.
     *
     * @param args Spring Boot's arguments, e.g. {@code --spring.profiles.active=simulated}
     */
    public static void main(String[] args) {
        SpringApplication.run(PsaApplication.class, args);
    }
}
