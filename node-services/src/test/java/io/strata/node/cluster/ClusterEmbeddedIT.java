package io.strata.node.cluster;

/** The cluster on the single-machine defaults: an H2 metadata file and a local deep-storage directory. */
class ClusterEmbeddedIT extends ClusterITBase {

	@Override
	TestCluster.Metadata metadata() {
		return TestCluster.Metadata.H2;
	}

	@Override
	TestCluster.DeepStorage deepStorage() {
		return TestCluster.DeepStorage.LOCAL;
	}

}
