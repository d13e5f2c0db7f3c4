package io.strata.node.zk;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * As Druid's coordinators and overlords do, a follower answers its API calls with a 307 to the
 * leader: only the leader's state (load status, task queue) is current. {@code /leader} and
 * {@code /isLeader} answer everywhere.
 */
public final class LeaderRedirectInterceptor implements HandlerInterceptor {

	private final BooleanSupplier isLeader;

	private final Supplier<String> leader;

	private final Supplier<String> self;

	/**
	 * @param isLeader whether this node leads (and is ready to answer as the leader)
	 * @param leader the leader's host:port, or null when there is none
	 * @param self this node's host:port
	 */
	public LeaderRedirectInterceptor(BooleanSupplier isLeader, Supplier<String> leader, Supplier<String> self) {
		this.isLeader = isLeader;
		this.leader = leader;
		this.self = self;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String path = request.getRequestURI();
		if (path.endsWith("/leader") || path.endsWith("/isLeader") || this.isLeader.getAsBoolean()) {
			return true;
		}
		String current = this.leader.get();
		if (current == null || current.equals(this.self.get())) {
			return true;
		}
		String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
		response.setStatus(HttpServletResponse.SC_TEMPORARY_REDIRECT);
		response.setHeader("Location", "http://" + current + path + query);
		return false;
	}

}
