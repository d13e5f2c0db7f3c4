package io.strata.node.coordinator.duty;

import java.io.IOException;

import io.strata.node.coordinator.LoadQueuePeon;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * A duty under test writing to real load queues: one in-process ZooKeeper per class, fresh (empty)
 * queues and a new duty on them before each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LoadQueueDutyTest {

	ZooKeeperLoadQueues zooKeeper;

	LoadQueuePeon peon;

	@BeforeAll
	void startZooKeeper() throws Exception {
		this.zooKeeper = new ZooKeeperLoadQueues();
	}

	@AfterAll
	void stopZooKeeper() throws IOException {
		this.zooKeeper.close();
	}

	@BeforeEach
	void emptyQueues() {
		this.peon = this.zooKeeper.peon();
		newDuty(this.peon);
	}

	/** Builds the duty under test on {@code peon}. */
	abstract void newDuty(LoadQueuePeon peon);

}
