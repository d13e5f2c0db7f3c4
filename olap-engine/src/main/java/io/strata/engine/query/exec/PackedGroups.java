package io.strata.engine.query.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups of one time bucket keyed by packed value ids ({@link GroupValueIds}): a primitive hash
 * table from key to slot and the states of each slot. Adding a group whose key is already present
 * merges the states. Single-threaded.
 */
final class PackedGroups {

	private final GroupSlotTable slots = new GroupSlotTable(Long.MAX_VALUE, 0);

	private final List<AggregateState[]> states = new ArrayList<>();

	private final long[] one = new long[1];

	private final int[] slot = new int[1];

	void add(long key, AggregateState[] groupStates) {
		this.one[0] = key;
		this.slots.slots(this.one, 1, this.slot);
		if (this.slot[0] == this.states.size()) {
			this.states.add(groupStates);
			return;
		}
		AggregateState[] target = this.states.get(this.slot[0]);
		for (int a = 0; a < target.length; a++) {
			target[a].merge(groupStates[a]);
		}
	}

	/** Merges every group of {@code other} into this. */
	void addAll(PackedGroups other) {
		for (int i = 0; i < other.size(); i++) {
			add(other.key(i), other.states(i));
		}
	}

	int size() {
		return this.states.size();
	}

	long key(int slot) {
		return this.slots.key(slot);
	}

	AggregateState[] states(int slot) {
		return this.states.get(slot);
	}

}
