package io.strata.avro;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of this module (STYLE.md section 2) that the compiler cannot check. */
class ArchitectureTest {

	private static JavaClasses module;

	@BeforeAll
	static void importModule() {
		module = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.strata.avro");
	}

	@Test
	void noSpringAnywhere() {
		noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..").check(module);
	}

	@Test
	void theRegistryKnowsNothingOfKafkaOrTheSerde() {
		noClasses().that()
			.resideInAPackage("io.strata.avro.registry..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.apache.kafka..", "io.strata.avro.wire..")
			.check(module);
	}

	@Test
	void onlyTheServerPackageUsesTheServer() {
		noClasses().that()
			.resideOutsideOfPackage("io.strata.avro.registry.server..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.strata.avro.registry.server..")
			.check(module);
	}

	@Test
	void topLevelPackagesHaveNoCycles() {
		SlicesRuleDefinition.slices().matching("io.strata.avro.(*)..").should().beFreeOfCycles().check(module);
	}

	@Test
	void theImportFoundTheModule() {
		// guards the rules above against passing vacuously on an empty import
		assertThat(module.containPackage("io.strata.avro.registry.server")).isTrue();
		assertThat(module.containPackage("io.strata.avro.schema")).isTrue();
		assertThat(module.size()).isGreaterThan(20);
	}

}
