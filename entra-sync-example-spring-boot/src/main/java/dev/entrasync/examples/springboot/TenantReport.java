package dev.entrasync.examples.springboot;

import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.TenantMapper;
import dev.entrasync.TenantMapping;
import dev.entrasync.jdbc.JdbcQueries;
import dev.entrasync.jdbc.StoredFinding;
import dev.entrasync.model.EntraDevice;
import dev.entrasync.model.EntraGroup;
import dev.entrasync.model.EntraUser;
import java.io.PrintStream;
import java.time.Duration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start-up, syncs each mapped company's tenant now ("Sync now") and prints what the database holds for it, read
 * back through {@link JdbcQueries}, with the tenant's open security findings: the PSA's own screens would do the
 * same. The schedule the starter starts keeps the data current afterwards.
 */
@Component
class TenantReport implements ApplicationRunner {

    private final SyncEngine engine;
    private final TenantMapper companies;
    private final JdbcQueries queries;
    private final PrintStream out = System.out;

    TenantReport(SyncEngine engine, TenantMapper companies, JdbcQueries queries) {
        this.engine = engine;
        this.companies = companies;
        this.queries = queries;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        for (TenantMapping company : companies.list()) {
            SyncJob job =
                    engine.await(engine.syncNowForCompany(company.companyId()).id(), Duration.ofMinutes(10));
            out.printf(
                    "%s (%s): %s, %d users, %d devices, %d groups in the database%n",
                    company.companyId(),
                    company.displayName() == null ? company.tenant() : company.displayName(),
                    job.status(),
                    queries.count(company.tenant(), EntraUser.class),
                    queries.count(company.tenant(), EntraDevice.class),
                    queries.count(company.tenant(), EntraGroup.class));
            // the security findings the starter evaluated after the job, most severe first
            queries.findings(company.tenant()).stream()
                    .filter(f -> f.open() && !f.muted())
                    .sorted(StoredFinding.mostUrgentFirst())
                    .forEach(f -> out.printf(
                            "  %-8s %s (%d affected). Fix: %s%n",
                            f.finding().severity(),
                            f.finding().title(),
                            f.finding().affected().size(),
                            f.finding().fix()));
        }
    }
}
