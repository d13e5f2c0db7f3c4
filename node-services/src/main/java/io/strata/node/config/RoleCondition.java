package io.strata.node.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.strata.engine.error.StrataException;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code strata.node.roles} (comma separated, all roles when unset) names the role. */
final class RoleCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnRole.class.getName());
		if (attributes == null) {
			return false;
		}
		List<Role> configured = configuredRoles(context.getEnvironment().getProperty("strata.node.roles"));
		return Arrays.stream((Role[]) attributes.get("value")).anyMatch(configured::contains);
	}

	static List<Role> configuredRoles(String property) {
		if (property == null || property.isBlank()) {
			return Role.DEFAULTS;
		}
		return Arrays.stream(property.split(","))
			.map(String::strip)
			.filter(name -> !name.isEmpty())
			.map(RoleCondition::role)
			.toList();
	}

	private static Role role(String name) {
		for (Role role : Role.values()) {
			if (role.configName().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
				return role;
			}
		}
		throw StrataException.invalidInput("Property[strata.node.roles] names role[%s], which is none of %s", name,
				Arrays.stream(Role.values()).map(Role::configName).toList());
	}

}
