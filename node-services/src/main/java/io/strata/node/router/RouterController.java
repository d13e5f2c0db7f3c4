package io.strata.node.router;

import io.strata.node.config.ConditionalOnRole;
import io.strata.node.config.Role;
import io.strata.node.query.QueryResponse;
import io.strata.node.LocalNode;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The router's proxies: {@code /druid/coordinator/**} to the coordinator leader,
 * {@code /druid/indexer/**} to the overlord, {@code /proxy/coordinator|overlord/**} likewise, and
 * {@code GET /druid/v2/**} (datasource metadata) to a broker. Paths this process answers itself
 * (when it also runs that role) never reach here: Spring prefers their exact mappings.
 */
@RestController
@ConditionalOnRole(Role.ROUTER)
class RouterController {

	/** End-to-end headers the leaders read: the body's type, auditing of rule changes, credentials. */
	private static final java.util.List<String> FORWARDED_HEADERS = java.util.List.of("Content-Type", "Accept",
			"X-Druid-Author", "X-Druid-Comment", "Authorization");

	private final RouterProxy proxy;

	private final LocalNode node;

	RouterController(RouterProxy proxy, LocalNode node) {
		this.proxy = proxy;
		this.node = node;
	}

	@RequestMapping({ "/druid/coordinator/**", "/proxy/coordinator/**" })
	ResponseEntity<String> coordinator(HttpServletRequest request, @RequestBody(required = false) String body) {
		return forward(request, body, this.proxy.leaderUrl("coordinator"), "/proxy/coordinator", "");
	}

	@RequestMapping({ "/druid/indexer/**", "/proxy/overlord/**" })
	ResponseEntity<String> overlord(HttpServletRequest request, @RequestBody(required = false) String body) {
		return forward(request, body, this.proxy.leaderUrl("overlord"), "/proxy/overlord", "");
	}

	@RequestMapping("/druid/v2/datasources/**")
	ResponseEntity<String> brokerMetadata(HttpServletRequest request, @RequestBody(required = false) String body) {
		return forward(request, body, this.proxy.chooseBroker(0).url(), "", "");
	}

	private ResponseEntity<String> forward(HttpServletRequest request, String body, String target, String proxyPrefix,
			String replacement) {
		if (target.equals("http://" + this.node.hostAndPort())) {
			// this process is the target but has no such endpoint: forwarding would loop
			return ResponseEntity.notFound().build();
		}
		String path = request.getRequestURI();
		if (!proxyPrefix.isEmpty() && path.startsWith(proxyPrefix)) {
			path = replacement + path.substring(proxyPrefix.length());
		}
		String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
		java.util.Map<String, String> forwarded = new java.util.LinkedHashMap<>();
		for (String name : FORWARDED_HEADERS) {
			String value = request.getHeader(name);
			if (value != null) {
				forwarded.put(name, value);
			}
		}
		QueryResponse response = this.proxy.forward(request.getMethod(), target + path + query, body, forwarded);
		HttpHeaders headers = new HttpHeaders();
		response.headers().forEach(headers::add);
		return ResponseEntity.status(response.status()).headers(headers).body(response.body());
	}

}
