package io.strata.node;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** STYLE.md section 2 for node-services: roles talk over HTTP, ZooKeeper or the metadata store, never through each other's classes. */
class ArchitectureTest {

	private static final String[] ROLES = { "broker", "coordinator", "historical", "router", "overlord", "indexer" };

	private static JavaClasses node;

	@BeforeAll
	static void importNode() {
		node = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.strata.node");
	}

	@Test
	void rolesNeverUseEachOthersClasses() {
		for (String role : ROLES) {
			for (String other : ROLES) {
				if (!role.equals(other)) {
					noClasses().that()
						.resideInAPackage("io.strata.node." + role + "..")
						.should()
						.dependOnClassesThat()
						.resideInAPackage("io.strata.node." + other + "..")
						.check(node);
				}
			}
		}
	}

	@Test
	void sharedPartsDoNotDependOnRoles() {
		noClasses().that()
			.resideInAnyPackage("io.strata.node.zk..", "io.strata.node.metadata..", "io.strata.node.deepstorage..",
					"io.strata.node.segment..", "io.strata.node.query..", "io.strata.node.publish..",
					"io.strata.node.config..", "io.strata.node.task..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.strata.node.broker..", "io.strata.node.coordinator..", "io.strata.node.historical..",
					"io.strata.node.router..", "io.strata.node.web..", "io.strata.node.overlord..",
					"io.strata.node.indexer..")
			.check(node);
	}

	@Test
	void topLevelPackagesHaveNoCycles() {
		com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
			.matching("io.strata.node.(*)..")
			.should()
			.beFreeOfCycles()
			.check(node);
	}

	@Test
	void theMetadataAndDeepStoragePortsDoNotDependOnTheirAdapters() {
		noClasses().that()
			.resideInAPackage("io.strata.node.metadata")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.strata.node.metadata.jdbc..")
			.check(node);
	}

}
