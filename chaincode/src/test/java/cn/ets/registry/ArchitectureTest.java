package cn.ets.registry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain is plain Java: rules without Fabric, HTTP or a JSON library, so they can be read and tested alone. */
@AnalyzeClasses(packages = "cn.ets.registry", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_does_not_depend_on_fabric_javalin_or_gson = noClasses()
            .that().resideInAPackage("cn.ets.registry.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.hyperledger..", "io.javalin..", "com.google.gson..")
            .because("the domain rules must run anywhere: on a peer, in the gateway, in a unit test");

    @ArchTest
    static final ArchRule domain_does_not_depend_on_the_chaincode_layer = noClasses()
            .that().resideInAPackage("cn.ets.registry.domain..")
            .should().dependOnClassesThat().resideInAPackage("cn.ets.registry.chaincode..")
            .because("contracts use the domain, never the other way round");
}
