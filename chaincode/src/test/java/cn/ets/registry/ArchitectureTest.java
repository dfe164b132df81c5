package cn.ets.registry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers of the chaincode: the domain is plain Java; the api (commands, results, catalogue)
 * speaks the domain's values; the pipeline, repositories and use cases build on both; contracts
 * are one pipeline call each and know nothing of one another. The in-process stub (a peer's
 * semantics for the gateway's embedded ledger and the tests) sits beside the chaincode: no layer
 * depends on it, so the contracts cannot tell a peer from the stand-in. No package depends on
 * itself through another.
 */
@AnalyzeClasses(packages = "cn.ets.registry", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_does_not_depend_on_fabric_javalin_or_gson = noClasses()
            .that()
            .resideInAPackage("cn.ets.registry.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.hyperledger..", "io.javalin..", "com.google.gson..")
            .because("the domain rules must run anywhere: on a peer, in the gateway, in a unit test");

    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInAnyPackage("cn.ets.registry..")
            .layer("domain")
            .definedBy("cn.ets.registry.domain..")
            .layer("api")
            .definedBy("cn.ets.registry.api..")
            .layer("json")
            .definedBy("cn.ets.registry.chaincode.json..")
            .layer("state")
            .definedBy("cn.ets.registry.chaincode.state..")
            .layer("tx")
            .definedBy("cn.ets.registry.chaincode.tx..")
            .layer("usecases")
            .definedBy("cn.ets.registry.chaincode.usecases..")
            .layer("contracts")
            .definedBy("cn.ets.registry.chaincode.contracts..")
            .layer("inprocess")
            .definedBy("cn.ets.registry.chaincode.inprocess..")
            .layer("server")
            .definedBy("cn.ets.registry.chaincode")
            .whereLayer("inprocess")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("contracts")
            .mayOnlyBeAccessedByLayers("contracts")
            .whereLayer("usecases")
            .mayOnlyBeAccessedByLayers("contracts")
            .whereLayer("tx")
            .mayOnlyBeAccessedByLayers("usecases", "contracts", "server")
            .whereLayer("state")
            .mayOnlyBeAccessedByLayers("tx", "usecases")
            .whereLayer("json")
            .mayOnlyBeAccessedByLayers("state", "tx", "usecases")
            .whereLayer("api")
            .mayOnlyBeAccessedByLayers("json", "state", "tx", "usecases", "contracts")
            .because("rules at the bottom, the pipeline in the middle, thin contracts on top");

    @ArchTest
    static final ArchRule contracts_do_not_call_one_another = noClasses()
            .that()
            .resideInAPackage("cn.ets.registry.chaincode.contracts..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("cn.ets.registry.chaincode.contracts..")
            .because(
                    "a contract is an entry point; what contracts share lives in use cases, repositories and the domain");

    @ArchTest
    static final ArchRule use_cases_of_one_feature_do_not_reach_into_another = slices().matching(
                    "cn.ets.registry.chaincode.usecases.(*)..")
            .should()
            .notDependOnEachOther()
            .because("features share repositories and domain rules, never each other's use cases");

    @ArchTest
    static final ArchRule no_package_cycles =
            slices().matching("cn.ets.registry.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule contracts_are_thin = classes()
            .that()
            .resideInAPackage("cn.ets.registry.chaincode.contracts..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "cn.ets.registry.api..",
                    "cn.ets.registry.chaincode.tx..",
                    "cn.ets.registry.chaincode.usecases..",
                    "org.hyperledger.fabric.contract..",
                    "java.lang..")
            .because("a contract method is one pipeline call: catalogue entry, use case, arguments");
}
