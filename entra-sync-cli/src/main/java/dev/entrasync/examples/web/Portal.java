package dev.entrasync.examples.web;

import dev.entrasync.SyncEngine;
import dev.entrasync.TenantMapping;
import dev.entrasync.examples.support.CompanyBook;
import dev.entrasync.examples.support.DemoCloud;
import dev.entrasync.examples.support.HostDatabase;
import dev.entrasync.examples.support.RecordSource;
import dev.entrasync.onboarding.Onboarding;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/**
 * What every page of the portal works with: the host database, onboarding, the sync engine, the host's
 * companies, and in simulation mode the simulated cloud and its administrators.
 */
record Portal(
        HostDatabase db,
        Onboarding onboarding,
        SyncEngine engine,
        CompanyBook companies,
        DemoCloud simulation,
        SimulatedAdministrators administrators) {

    RecordSource records() {
        return RecordSource.of(db.storage().queries());
    }

    /** The simulation banner, or null with a real cloud. */
    String note() {
        return administrators == null ? null : administrators.note();
    }

    /** A page for the signed-in administrator of {@code ctx}, its forms carrying the session's CSRF token. */
    String page(Context ctx, String title, String body) {
        return page(ctx, title, body, false);
    }

    /** As {@link #page(Context, String, String)}, reloading itself every two seconds while {@code refresh}. */
    String page(Context ctx, String title, String body, boolean refresh) {
        return Html.page(title, note(), body, refresh, PortalSecurity.csrfToken(ctx));
    }

    /** The company {@code id}; a 404 naming it when the host has no such company. */
    CompanyBook.Company company(String id) {
        return companies.find(id).orElseThrow(() -> new NotFoundResponse("There is no company " + id + "."));
    }

    /** The tenant company {@code id} is connected to; a 404 saying what is missing when it is not. */
    TenantMapping connected(String id) {
        company(id);
        return db.mapper()
                .findByCompany(id)
                .orElseThrow(() -> new NotFoundResponse(
                        companies.name(id) + " is not connected to a tenant; connect it from the Companies page."));
    }
}
