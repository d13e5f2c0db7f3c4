package io.strata.s3;

import java.net.URI;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class S3SettingsTest {

	@Test
	void baseKeyLosesItsSlashes() {
		S3Settings settings = new S3Settings(null, "eu-west-1", "b", "/druid/segments/", false, null, null);

		assertThat(settings.baseKey()).isEqualTo("druid/segments");
		assertThat(settings.hasStaticCredentials()).isFalse();
	}

	@Test
	void toStringHidesTheSecret() {
		S3Settings settings = new S3Settings(URI.create("http://minio:9000"), "us-east-1", "b", "", true, "AKIA",
				"very-secret");

		assertThat(settings.toString()).contains("AKIA").contains("http://minio:9000").doesNotContain("very-secret");
	}

	@Test
	void keysComeInPairsAndRequiredFieldsAreChecked() {
		assertThatThrownBy(() -> new S3Settings(null, "us-east-1", "b", "", false, "AKIA", null))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("accessKey");
		assertThatThrownBy(() -> new S3Settings(null, " ", "b", "", false, null, null))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("region");
		assertThatThrownBy(() -> new S3Settings(null, "us-east-1", null, "", false, null, null))
			.isInstanceOf(NullPointerException.class)
			.hasMessageContaining("bucket");
	}

	@Test
	void factoryBuildsAClientForAwsAndForAnOverriddenEndpoint() {
		// building sends no request, so neither needs a server
		try (S3Client aws = S3ClientFactory.create(new S3Settings(null, "eu-west-1", "b", "", false, "a", "s"));
				S3Client local = S3ClientFactory
					.create(new S3Settings(URI.create("http://127.0.0.1:1"), "us-east-1", "b", "", true, "a", "s"))) {
			assertThat(aws.serviceClientConfiguration().region().id()).isEqualTo("eu-west-1");
			assertThat(local.serviceClientConfiguration().endpointOverride()).contains(URI.create("http://127.0.0.1:1"));
		}
	}

}
