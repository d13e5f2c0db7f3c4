package io.strata.node.coordinator;

import io.strata.node.LocalNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * As Druid's coordinators do, a follower answers its API calls with a 307 to the leader: only the
 * leader's run state (load status, queues) is current. {@code /leader} and {@code /isLeader}
 * answer everywhere.
 */
final class LeaderRedirectInterceptor implements HandlerInterceptor {

	private final Coordinator coordinator;

	private final LocalNode node;

	LeaderRedirectInterceptor(Coordinator coordinator, LocalNode node) {
		this.coordinator = coordinator;
		this.node = node;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String path = request.getRequestURI();
		if (path.endsWith("/leader") || path.endsWith("/isLeader") || this.coordinator.isLeader()) {
			return true;
		}
		String leader = this.coordinator.leader();
		if (leader == null || leader.equals(this.node.hostAndPort())) {
			return true;
		}
		String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
		response.setStatus(HttpServletResponse.SC_TEMPORARY_REDIRECT);
		response.setHeader("Location", "http://" + leader + path + query);
		return false;
	}

}
