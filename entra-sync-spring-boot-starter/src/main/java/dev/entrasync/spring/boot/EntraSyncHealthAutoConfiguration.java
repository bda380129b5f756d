package dev.entrasync.spring.boot;

import dev.entrasync.SyncEngine;
import dev.entrasync.TenantMapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The {@code entraSync} health indicator ({@link EntraSyncHealthIndicator}), when Spring Boot's health support
 * ({@code spring-boot-health}, part of {@code spring-boot-starter-actuator}) is on the classpath and the context has
 * an engine. {@code management.health.entrasync.enabled=false} turns it off.
 */
@AutoConfiguration(after = EntraSyncAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnBean({SyncEngine.class, TenantMapper.class})
@Import(EntraSyncHealthAutoConfiguration.Indicator.class)
public class EntraSyncHealthAutoConfiguration {

    /** Created by Spring Boot. */
    public EntraSyncHealthAutoConfiguration() {}

    /** Apart, so that its condition (a class of spring-boot-health) is read only when that jar is there. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnEnabledHealthIndicator("entrasync")
    static class Indicator {

        @Bean
        @ConditionalOnMissingBean(name = "entraSyncHealthIndicator")
        EntraSyncHealthIndicator entraSyncHealthIndicator(SyncEngine engine, TenantMapper tenants) {
            return new EntraSyncHealthIndicator(engine, tenants);
        }
    }
}
