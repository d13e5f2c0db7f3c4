package io.strata.node.task.kafka;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pause handshake and end offsets between a reading task and its supervisor. */
class ReadingStateTest {

	@Test
	void aPauseWaitsForTheReaderAndEndOffsetsLetItFinish() throws Exception {
		ReadingState state = new ReadingState(Map.of(0, 5L, 1, 7L), Map.of(0, Long.MAX_VALUE, 1, Long.MAX_VALUE));
		state.status(ReadingState.Status.READING);
		state.advance(0, 9);
		AtomicBoolean stop = new AtomicBoolean();
		// own threads: the common pool may have a single thread on a small machine
		CompletableFuture<Map<Integer, Long>> paused = new CompletableFuture<>();
		Thread.ofPlatform().start(() -> {
			try {
				paused.complete(state.pause(5_000));
			}
			catch (InterruptedException | RuntimeException ex) {
				paused.completeExceptionally(ex);
			}
		});
		// the reader thread, between two polls
		CompletableFuture<Void> reader = new CompletableFuture<>();
		Thread.ofPlatform().start(() -> {
			try {
				while (!paused.isDone()) {
					state.pauseIfRequested(stop::get);
					Thread.sleep(5);
				}
				// the pause came back while the reader waits: it stays paused until resumed
				state.pauseIfRequested(stop::get);
				reader.complete(null);
			}
			catch (InterruptedException ex) {
				reader.completeExceptionally(ex);
			}
		});

		assertThat(paused.get(5, TimeUnit.SECONDS)).isEqualTo(Map.of(0, 9L, 1, 7L));
		assertThat(state.status()).isEqualTo(ReadingState.Status.PAUSED);
		assertThat(state.reachedEnd()).isFalse();

		assertThatThrownBy(() -> state.setEnd(Map.of(0, 8L))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("behind");
		assertThatThrownBy(() -> state.setEnd(Map.of(3, 8L))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("partition 3");
		state.setEnd(Map.of(0, 9L, 1, 10L));
		reader.get(5, TimeUnit.SECONDS);
		assertThat(state.status()).as("resumed").isEqualTo(ReadingState.Status.READING);
		assertThat(state.reachedEnd()).isFalse();
		state.advance(1, 10);
		assertThat(state.reachedEnd()).isTrue();
	}

	@Test
	void aReaderThatDoesNotPauseInTimeFailsThePauseAndKeepsReading() {
		ReadingState state = new ReadingState(Map.of(0, 0L), Map.of(0, Long.MAX_VALUE));
		state.status(ReadingState.Status.READING);

		assertThatThrownBy(() -> state.pause(50)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> state.setEnd(Map.of(0, 1L))).as("a reading task takes no end offsets")
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("not PAUSED");
		state.status(ReadingState.Status.PUBLISHING);
		assertThatThrownBy(() -> state.setEnd(Map.of(0, 1L))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("publishing");
	}

}
