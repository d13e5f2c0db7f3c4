package io.strata.gateway.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.strata.gateway.client.ClientMetrics.RequestOutcome;

/**
 * Delivers one batch: posts it, retries what may succeed later (no answer, 408, 429, 5xx) after a
 * {@link Backoff} that honours Retry-After, and hands what the gateway refuses for good to the
 * {@link DeliveryListener}. The gateway takes a request all or nothing, so a refusal that names
 * its culprits does not sink the rest: the events a 400 names, or those of the APIs a 403 names,
 * are refused and the others sent again; a 413 splits the batch in halves. Each record ends up
 * sent, refused or failed, exactly once.
 *
 * <p>
 * Threading: called by one sender thread at a time per batch; shared by the senders (its fields
 * are thread-safe). Blocks for the requests and the waits between them.
 */
final class BatchSender {

	private static final System.Logger LOG = System.getLogger(BatchSender.class.getName());

	private final HttpClient http;

	private final URI uri;

	private final String authorization;

	private final Duration requestTimeout;

	private final int maxRetries;

	private final Backoff backoff;

	private final UsageJson json;

	private final ClientMetrics metrics;

	private final DeliveryListener listener;

	BatchSender(HttpClient http, ClientSettings settings, Backoff backoff, UsageJson json, ClientMetrics metrics) {
		this.http = http;
		this.uri = settings.eventsUri();
		this.authorization = "Bearer " + settings.token();
		this.requestTimeout = settings.requestTimeout();
		this.maxRetries = settings.maxRetries();
		this.backoff = backoff;
		this.json = json;
		this.metrics = metrics;
		this.listener = settings.listener();
	}

	/**
	 * Delivers the records. When the thread is interrupted (a close that ran out of time), what is
	 * not yet delivered is reported failed and the interrupt is kept for the caller to see.
	 */
	void deliver(List<UsageRecord> events) {
		ArrayDeque<List<UsageRecord>> parts = new ArrayDeque<>();
		parts.add(events);
		while (!parts.isEmpty()) {
			List<UsageRecord> part = parts.pollFirst();
			try {
				deliverPart(part, parts);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				fail(rest(part, parts), 0, "the client closed before they were delivered");
				return;
			}
			catch (RuntimeException ex) {
				// a fault of this code, not of the gateway: the records must still be accounted for
				LOG.log(System.Logger.Level.WARNING, "Delivering usage records failed unexpectedly", ex);
				fail(rest(part, parts), 0, ex.toString());
				return;
			}
		}
	}

	/** Reports records failed that were never taken by a sender (a close that ran out of time). */
	void abandoned(List<UsageRecord> events) {
		if (!events.isEmpty()) {
			fail(events, 0, "the client closed before they were sent");
		}
	}

	private static List<UsageRecord> rest(List<UsageRecord> part, ArrayDeque<List<UsageRecord>> parts) {
		List<UsageRecord> rest = new ArrayList<>(part);
		parts.forEach(rest::addAll);
		return rest;
	}

	private void deliverPart(List<UsageRecord> part, ArrayDeque<List<UsageRecord>> parts) throws InterruptedException {
		for (int attempt = 1;; attempt++) {
			Answer answer = post(part);
			switch (answer.kind()) {
				case ACCEPTED -> {
					this.metrics.sent(part.size());
					return;
				}
				case REFUSED -> {
					refused(part, answer, parts);
					return;
				}
				case RETRIABLE, IO_ERROR -> {
					if (attempt > this.maxRetries) {
						fail(part, attempt, answer.describe());
						return;
					}
					Thread.sleep(this.backoff.delay(attempt - 1, answer.retryAfter()));
					this.metrics.retried(part.size());
				}
			}
		}
	}

	private Answer post(List<UsageRecord> part) throws InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(this.uri)
			.timeout(this.requestTimeout)
			.header("Content-Type", "application/json")
			.header("Authorization", this.authorization)
			.POST(HttpRequest.BodyPublishers.ofByteArray(this.json.write(part)))
			.build();
		long start = System.nanoTime();
		Answer answer;
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			answer = Answer.of(response.statusCode(), response.body(),
					response.headers().firstValue("Retry-After").map(BatchSender::retryAfter).orElse(Duration.ZERO));
		}
		catch (IOException ex) {
			answer = new Answer(RequestOutcome.IO_ERROR, 0, ex.toString(), Duration.ZERO);
		}
		this.metrics.request(answer.kind(), System.nanoTime() - start);
		return answer;
	}

	private void refused(List<UsageRecord> part, Answer answer, ArrayDeque<List<UsageRecord>> parts) {
		List<UsageRecord> culprits = new ArrayList<>();
		List<UsageRecord> others = new ArrayList<>();
		switch (answer.status()) {
			case 400 -> {
				Set<Integer> bad = this.json.badIndexes(answer.body(), part.size());
				for (int i = 0; i < part.size(); i++) {
					(bad.contains(i) ? culprits : others).add(part.get(i));
				}
			}
			case 403 -> {
				Set<String> forbidden = this.json.forbiddenApiNames(answer.body());
				for (UsageRecord event : part) {
					(forbidden.contains(event.apiName()) ? culprits : others).add(event);
				}
			}
			case 413 -> {
				if (part.size() > 1) {
					// the halves go first, in order, before any part queued behind this one
					parts.addFirst(List.copyOf(part.subList(part.size() / 2, part.size())));
					parts.addFirst(List.copyOf(part.subList(0, part.size() / 2)));
					return;
				}
			}
			default -> {
				// nothing in the answer says which records are at fault
			}
		}
		if (culprits.isEmpty() || others.isEmpty()) {
			refuse(part, answer);
			return;
		}
		refuse(culprits, answer);
		parts.addFirst(others);
	}

	private void refuse(List<UsageRecord> events, Answer answer) {
		this.metrics.refused(events.size());
		try {
			this.listener.refused(new DeliveryListener.Refusal(events, answer.status(), answer.body()));
		}
		catch (RuntimeException ex) {
			LOG.log(System.Logger.Level.WARNING, "The delivery listener failed on " + events.size()
					+ " refused usage record(s); they are counted refused", ex);
		}
	}

	private void fail(List<UsageRecord> events, int attempts, String reason) {
		this.metrics.failed(events.size());
		try {
			this.listener.failed(new DeliveryListener.Failure(events, attempts, reason));
		}
		catch (RuntimeException ex) {
			LOG.log(System.Logger.Level.WARNING, "The delivery listener failed on " + events.size()
					+ " undelivered usage record(s); they are counted failed", ex);
		}
	}

	/** Retry-After as delay-seconds or as an HTTP date; zero when neither. */
	static Duration retryAfter(String value) {
		String text = value.strip();
		try {
			if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
				return Duration.ofSeconds(Long.parseLong(text));
			}
			Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			Duration wait = Duration.between(Instant.now(), at);
			return wait.isNegative() ? Duration.ZERO : wait;
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			// an unreadable Retry-After asks for nothing; the backoff still applies
			return Duration.ZERO;
		}
	}

	/**
	 * What a request came to.
	 * @param status the HTTP status, 0 when there was no answer
	 * @param body the answer's body, or the error when there was none
	 */
	private record Answer(RequestOutcome kind, int status, String body, Duration retryAfter) {

		static Answer of(int status, String body, Duration retryAfter) {
			RequestOutcome kind;
			if (status >= 200 && status < 300) {
				kind = RequestOutcome.ACCEPTED;
			}
			else if (status == 408 || status == 429 || status >= 500) {
				kind = RequestOutcome.RETRIABLE;
			}
			else {
				kind = RequestOutcome.REFUSED;
			}
			return new Answer(kind, status, body, retryAfter);
		}

		String describe() {
			return this.status == 0 ? "no answer: " + this.body : "HTTP " + this.status + ": " + this.body;
		}

	}

}
