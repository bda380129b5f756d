package dev.entrasync.examples.support;

import dev.entrasync.onboarding.CompanyDirectory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sample hosts' own companies (a PSA's customer records, say): ids {@code C-1001}, {@code C-1002}, …
 * with a name and a domain. Importing tenants creates companies through it ({@link CompanyDirectory}).
 * In memory; thread-safe.
 */
public final class CompanyBook implements CompanyDirectory {

    /** One company. */
    public record Company(String id, String name, String domain) {}

    private final Map<String, Company> companies = new LinkedHashMap<>();
    private int next = 1001;

    @Override
    public synchronized String create(String name, String defaultDomain) {
        String id = "C-" + next++;
        companies.put(id, new Company(id, name, defaultDomain));
        return id;
    }

    /** The company with this id. */
    public synchronized Optional<Company> find(String id) {
        return Optional.ofNullable(id == null ? null : companies.get(id));
    }

    /** The company's name, or the id when unknown. */
    public String name(String id) {
        return find(id).map(Company::name).orElse(id);
    }

    /** Every company, in the order created. */
    public synchronized List<Company> list() {
        return List.copyOf(companies.values());
    }
}
