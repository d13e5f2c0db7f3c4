package io.strata.node.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.strata.engine.segment.format.SegmentFormat;
import io.strata.node.deepstorage.DeepStorage;
import io.strata.node.deepstorage.DeepStorageConfiguration;
import io.strata.node.metadata.SegmentsMetadata;
import io.strata.node.metadata.jdbc.MetadataConfiguration;
import io.strata.node.publish.SegmentPublisher;
import io.strata.node.segment.DataSegment;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * {@code publish <segment file or directory>... [--spring.datasource.url=... --strata.deep-storage.*=...]}:
 * publishes segment files (a directory is searched for them) with the {@link SegmentPublisher},
 * against the metadata store and deep storage the same properties name as for the nodes. Prints
 * each published segment id.
 */
// not a @Configuration: the node application's component scan must not pick it up
@EnableAutoConfiguration
@Import({ MetadataConfiguration.class, DeepStorageConfiguration.class })
public class PublishSegmentsCommand {

	@Bean
	SegmentPublisher segmentPublisher(DeepStorage deepStorage, SegmentsMetadata segments) {
		return new SegmentPublisher(deepStorage, segments);
	}

	public static void main(String[] args) throws IOException {
		List<String> options = Arrays.stream(args).filter(arg -> arg.startsWith("--")).toList();
		List<Path> files = new ArrayList<>();
		for (String arg : args) {
			if (!arg.startsWith("--")) {
				files.addAll(segmentFiles(Path.of(arg)));
			}
		}
		if (files.isEmpty()) {
			System.err.println("usage: publish <segment file or directory>... [--property=value...]");
			System.exit(2);
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PublishSegmentsCommand.class)
			.web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "logging.level.root=WARN")
			.run(options.toArray(String[]::new))) {
			List<DataSegment> published = context.getBean(SegmentPublisher.class).publish(files);
			published.forEach(segment -> System.out.println("published " + segment.id() + " (" + segment.size()
					+ " bytes)"));
		}
	}

	private static List<Path> segmentFiles(Path path) throws IOException {
		if (Files.isRegularFile(path)) {
			return List.of(path);
		}
		try (Stream<Path> walk = Files.walk(path)) {
			return walk.filter(file -> file.getFileName().toString().equals(SegmentFormat.FILE_NAME)).sorted().toList();
		}
	}

}
