package dev.entrasync.examples.web;

import dev.entrasync.SyncEngine;
import dev.entrasync.examples.support.CompanyBook;
import dev.entrasync.examples.support.DemoCloud;
import dev.entrasync.examples.support.HostDatabase;
import dev.entrasync.examples.support.RecordSource;
import dev.entrasync.onboarding.Onboarding;

/**
 * What every page of the portal works with: the host database, onboarding, the sync engine, the host's
 * companies, and in simulation mode the simulated cloud and its administrators.
 */
record Portal(HostDatabase db, Onboarding onboarding, SyncEngine engine, CompanyBook companies, DemoCloud simulation,
              SimulatedAdministrators administrators) {

    RecordSource records() {
        return RecordSource.of(db.storage().queries());
    }

    /** The simulation banner, or null with a real cloud. */
    String note() {
        return administrators == null ? null : administrators.note();
    }

    String page(String title, String body) {
        return Html.page(title, note(), body);
    }
}
