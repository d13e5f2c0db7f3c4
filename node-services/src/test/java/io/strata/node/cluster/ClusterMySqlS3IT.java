package io.strata.node.cluster;

/** The cluster on production's parts: MySQL (the local MariaDB) and S3 (an in-process S3 server). */
class ClusterMySqlS3IT extends ClusterITBase {

	@Override
	TestCluster.Metadata metadata() {
		return TestCluster.Metadata.MARIADB;
	}

	@Override
	TestCluster.DeepStorage deepStorage() {
		return TestCluster.DeepStorage.S3;
	}

}
