package io.strata.node.config;

import java.util.List;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoleConditionTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(RoleBeans.class, HistoricalOnly.class);

	@Configuration(proxyBeanMethods = false)
	static class RoleBeans {

		@Bean
		@ConditionalOnRole(Role.BROKER)
		String brokerBean() {
			return "broker";
		}

		@Bean
		@ConditionalOnRole(Role.COORDINATOR)
		String coordinatorBean() {
			return "coordinator";
		}

		@Bean
		@ConditionalOnRole({ Role.MIDDLE_MANAGER, Role.INDEXER })
		String workerBean() {
			return "worker";
		}

		@Bean
		String everywhereBean() {
			return "everywhere";
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnRole(Role.HISTORICAL)
	static class HistoricalOnly {

		@Bean
		String historicalBean() {
			return "historical";
		}

	}

	@Test
	void withoutTheRolesPropertyEveryRoleRuns() {
		this.runner.run(context -> assertThat(context).hasBean("brokerBean")
			.hasBean("coordinatorBean")
			.hasBean("historicalBean")
			.hasBean("everywhereBean"));
	}

	@Test
	void onlyTheNamedRolesGetTheirBeans() {
		this.runner.withPropertyValues("strata.node.roles=broker").run(context -> assertThat(context)
			.hasBean("brokerBean")
			.doesNotHaveBean("coordinatorBean")
			.doesNotHaveBean("historicalBean")
			.hasBean("everywhereBean"));
	}

	@Test
	void aConditionOnTheClassCoversItsBeans() {
		this.runner.withPropertyValues("strata.node.roles=historical, coordinator").run(context -> assertThat(context)
			.hasBean("historicalBean")
			.hasBean("coordinatorBean")
			.doesNotHaveBean("brokerBean"));
	}

	@Test
	void aConditionOnSeveralRolesMatchesAnyOfThem() {
		this.runner.withPropertyValues("strata.node.roles=middleManager").run(context -> assertThat(context)
			.hasBean("workerBean"));
		this.runner.withPropertyValues("strata.node.roles=indexer,middleManager").run(context -> assertThat(context)
			.hasBean("workerBean"));
		this.runner.withPropertyValues("strata.node.roles=broker").run(context -> assertThat(context)
			.doesNotHaveBean("workerBean"));
	}

	@Test
	void anUnknownRoleFailsTheStartWithItsName() {
		this.runner.withPropertyValues("strata.node.roles=broker,peon")
			.run(context -> {
				assertThat(context).hasFailed();
				assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
					.isInstanceOf(StrataException.class)
					.hasMessageContaining("strata.node.roles")
					.hasMessageContaining("peon");
			});
	}

	@Test
	void configuredRolesAreReadLikeBootReadsAList() {
		assertThat(RoleCondition.configuredRoles(null)).containsExactlyElementsOf(Role.DEFAULTS);
		assertThat(RoleCondition.configuredRoles("  ")).containsExactlyElementsOf(Role.DEFAULTS);
		assertThat(RoleCondition.configuredRoles("middleManager,MIDDLEMANAGER")).containsExactly(Role.MIDDLE_MANAGER,
				Role.MIDDLE_MANAGER);
		assertThat(RoleCondition.configuredRoles(" Broker ,historical,, ")).containsExactly(Role.BROKER,
				Role.HISTORICAL);
		assertThat(RoleCondition.configuredRoles("ROUTER")).isEqualTo(List.of(Role.ROUTER));
	}

	@Test
	void anUnknownRoleIsAnInvalidInput() {
		assertThatThrownBy(() -> RoleCondition.configuredRoles("peon"))
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
			.hasMessageContaining("role[peon]")
			.hasMessageContaining("[coordinator, overlord, broker, router, historical, middleManager, indexer]");
	}

	@Test
	void rolesCarryDruidsServiceNames() {
		assertThat(List.of(Role.values())).extracting(Role::serviceName)
			.containsExactly("druid/coordinator", "druid/overlord", "druid/broker", "druid/router", "druid/historical",
					"druid/middlemanager", "druid/indexer");
		assertThat(List.of(Role.values())).extracting(Role::configName)
			.containsExactly("coordinator", "overlord", "broker", "router", "historical", "middleManager", "indexer");
	}

}
