package io.strata.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of STYLE.md section 2 that the compiler cannot check. */
class ArchitectureTest {

	private static JavaClasses engine;

	@BeforeAll
	static void importEngine() {
		engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.strata.engine");
	}

	@Test
	void engineImportsNoSpringKafkaCuratorOrAws() {
		noClasses().that()
			.resideInAPackage("io.strata.engine..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.apache.kafka..", "org.apache.curator..",
					"software.amazon..")
			.check(engine);
	}

	@Test
	void segmentContractsDoNotDependOnTheirImplementations() {
		noClasses().that()
			.resideInAnyPackage("io.strata.engine.segment", "io.strata.engine.segment.column")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.strata.engine.segment.format..", "io.strata.engine.segment.encoding..",
					"io.strata.engine.segment.merge..")
			.check(engine);
	}

	@Test
	void theQueryModelDoesNotDependOnItsExecution() {
		noClasses().that()
			.resideInAnyPackage("io.strata.engine.query", "io.strata.engine.query.filter",
					"io.strata.engine.query.extraction")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.strata.engine.query.exec..", "io.strata.engine.segment.format..",
					"io.strata.engine.segment.encoding..", "io.strata.engine.segment.merge..")
			.check(engine);
	}

	@Test
	void topLevelPackagesHaveNoCycles() {
		com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
			.matching("io.strata.engine.(*)..")
			.should()
			.beFreeOfCycles()
			.check(engine);
	}

	@Test
	void theImportFoundTheEngine() {
		// guards the rules above against passing vacuously on an empty import
		org.assertj.core.api.Assertions.assertThat(engine.containPackage("io.strata.engine.segment.format")).isTrue();
		org.assertj.core.api.Assertions.assertThat(engine.size()).isGreaterThan(50);
	}

}
