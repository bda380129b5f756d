package dev.entrasync;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.entrasync.model.EntraRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package dependency rule of entra-sync-core (docs/ARCHITECTURE.md), checked on the compiled main classes:
 * {@code model} ← {@code dev.entrasync} ← {@code spi} ← {@code internal.*} ← {@code onboarding}, {@code mail} ←
 * {@code runtime}, with no cycle between any two packages (each internal subpackage is a package of its own).
 */
class PackageDependenciesTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        String classes = EntraRecord.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toString();
        ImportOption onlyCore = location -> location.asURI().toString().startsWith(classes);
        core = new ClassFileImporter().withImportOption(onlyCore).importPackages("dev.entrasync");
    }

    @Test
    void corePackagesAreImported() {
        org.assertj.core.api.Assertions.assertThat(core.contain(EntraRecord.class))
                .isTrue();
        org.assertj.core.api.Assertions.assertThat(
                        core.stream().map(JavaClass::getPackageName).distinct())
                .contains("dev.entrasync", "dev.entrasync.runtime", "dev.entrasync.internal.engine")
                .doesNotContain("dev.entrasync.testkit");
    }

    @Test
    void noPackageCycles() {
        slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles().check(core);
    }

    @Test
    void theRootPackageDependsOnNoUpperPackage() {
        noClasses()
                .that()
                .resideInAPackage("dev.entrasync")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.entrasync.spi..",
                        "dev.entrasync.internal..",
                        "dev.entrasync.onboarding..",
                        "dev.entrasync.mail..",
                        "dev.entrasync.runtime..")
                .check(core);
    }

    @Test
    void onlyTheRuntimeDependsOnTheRuntime() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.entrasync.runtime..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.entrasync.runtime..")
                .check(core);
    }

    @Test
    void theModelDependsOnNothingOfEntraSync() {
        noClasses()
                .that()
                .resideInAPackage("dev.entrasync.model..")
                .should()
                .dependOnClassesThat(
                        resideInAPackage("dev.entrasync..").and(not(resideInAPackage("dev.entrasync.model.."))))
                .check(core);
    }

    @Test
    void packagesDependOnlyDownwards() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("model")
                .definedBy("dev.entrasync.model..")
                .layer("root")
                .definedBy("dev.entrasync")
                .layer("spi")
                .definedBy("dev.entrasync.spi..")
                .layer("findings")
                .definedBy("dev.entrasync.findings..")
                .layer("internal")
                .definedBy("dev.entrasync.internal..")
                .layer("onboarding")
                .definedBy("dev.entrasync.onboarding..")
                .layer("mail")
                .definedBy("dev.entrasync.mail..")
                .layer("runtime")
                .definedBy("dev.entrasync.runtime..")
                .whereLayer("runtime")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("mail")
                .mayOnlyBeAccessedByLayers("runtime")
                .whereLayer("onboarding")
                .mayOnlyBeAccessedByLayers("runtime")
                .whereLayer("internal")
                .mayOnlyBeAccessedByLayers("onboarding", "mail", "runtime")
                .whereLayer("findings")
                .mayOnlyBeAccessedByLayers("runtime")
                .whereLayer("spi")
                .mayOnlyBeAccessedByLayers("internal", "onboarding", "mail", "runtime")
                .whereLayer("root")
                .mayOnlyBeAccessedByLayers("spi", "findings", "internal", "onboarding", "mail", "runtime")
                .check(core);
    }

    /** Each package its own slice, internal subpackages included. */
    private static final SliceAssignment BY_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return javaClass.getPackageName().startsWith("dev.entrasync")
                    ? SliceIdentifier.of(javaClass.getPackageName())
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages of dev.entrasync";
        }
    };
}
