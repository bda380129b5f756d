package dev.entrasync.jdbc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test once per database — H2, PostgreSQL, MariaDB — with a {@link TestDatabase} parameter of
 * its own. A server that does not answer is skipped, or fails the test when {@code CI=true}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(DatabaseExtension.class)
@interface DatabaseTest {}
