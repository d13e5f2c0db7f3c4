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
	void anUnknownRoleFailsTheStartWithItsName() {
		this.runner.withPropertyValues("strata.node.roles=broker,overlord")
			.run(context -> {
				assertThat(context).hasFailed();
				assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
					.isInstanceOf(StrataException.class)
					.hasMessageContaining("strata.node.roles")
					.hasMessageContaining("overlord");
			});
	}

	@Test
	void configuredRolesAreReadLikeBootReadsAList() {
		assertThat(RoleCondition.configuredRoles(null)).containsExactly(Role.values());
		assertThat(RoleCondition.configuredRoles("  ")).containsExactly(Role.values());
		assertThat(RoleCondition.configuredRoles(" Broker ,historical,, ")).containsExactly(Role.BROKER,
				Role.HISTORICAL);
		assertThat(RoleCondition.configuredRoles("ROUTER")).isEqualTo(List.of(Role.ROUTER));
	}

	@Test
	void anUnknownRoleIsAnInvalidInput() {
		assertThatThrownBy(() -> RoleCondition.configuredRoles("middleManager"))
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
			.hasMessageContaining("role[middleManager]")
			.hasMessageContaining("[coordinator, broker, router, historical]");
	}

	@Test
	void rolesCarryDruidsServiceNames() {
		assertThat(List.of(Role.values())).extracting(Role::serviceName)
			.containsExactly("druid/coordinator", "druid/broker", "druid/router", "druid/historical");
		assertThat(List.of(Role.values())).extracting(Role::configName)
			.containsExactly("coordinator", "broker", "router", "historical");
	}

}
