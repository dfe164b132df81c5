package cn.ets.registry.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The gateway's packages: one composition root ({@link Registry}) wires ledgers, identities and
 * feature routes; the HTTP edge knows no feature and no ledger adapter; ledger adapters know no
 * HTTP; Javalin's {@code Context} never leaves the HTTP handlers.
 */
@AnalyzeClasses(packages = "cn.ets.registry.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class GatewayArchitectureTest {

    @ArchTest
    static final ArchRule no_package_cycles =
            slices().matching("cn.ets.registry.gateway.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule ledger_adapters_know_no_http = noClasses()
            .that()
            .resideInAPackage("cn.ets.registry.gateway.ledger..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("cn.ets.registry.gateway.http..", "io.javalin..", "cn.ets.registry.gateway");

    @ArchTest
    static final ArchRule identity_knows_no_http = noClasses()
            .that()
            .resideInAPackage("cn.ets.registry.gateway.identity..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("cn.ets.registry.gateway.http..", "io.javalin..");

    @ArchTest
    static final ArchRule the_http_edge_knows_no_feature_and_no_adapter = noClasses()
            .that()
            .resideInAPackage("cn.ets.registry.gateway.http..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "cn.ets.registry.gateway.ledger.embedded..",
                    "cn.ets.registry.gateway.ledger.fabric..",
                    "cn.ets.registry.gateway.accounts..",
                    "cn.ets.registry.gateway.settlement..",
                    "cn.ets.registry.gateway.events..",
                    "cn.ets.registry.gateway.audit..");

    @ArchTest
    static final ArchRule only_the_composition_root_knows_the_adapters = noClasses()
            .that()
            .resideOutsideOfPackages("cn.ets.registry.gateway.ledger..", "cn.ets.registry.gateway.audit..")
            .and()
            .doNotHaveSimpleName("Registry")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "cn.ets.registry.gateway.ledger.embedded..",
                    "cn.ets.registry.gateway.ledger.fabric..",
                    "cn.ets.registry.chaincode.inprocess..")
            .because(
                    "features talk to the Ledger port and its capabilities, never to an adapter (nor to the stub the embedded one runs on)");

    @ArchTest
    static final ArchRule javalin_context_stays_at_the_edge = noClasses()
            .that()
            .resideInAnyPackage("cn.ets.registry.gateway.ledger..", "cn.ets.registry.gateway.identity..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("io.javalin.http.Context");
}
