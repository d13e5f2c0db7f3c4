package io.strata.node.router;

import io.strata.node.config.ConditionalOnRole;
import io.strata.node.config.Role;
import io.strata.node.config.RouterProperties;
import io.strata.node.zk.ClusterView;
import io.strata.node.zk.ZkNodes;
import io.strata.node.zk.ZkPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The router role's parts. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.ROUTER)
class RouterConfiguration {

	@Bean(destroyMethod = "close")
	RouterProxy routerProxy(ClusterView cluster, RouterProperties properties, ZkNodes zk, ZkPaths paths) {
		return new RouterProxy(cluster, properties, zk, paths);
	}

}
