package io.strata.node.metadata.jdbc;

import javax.sql.DataSource;

import io.strata.node.config.MetadataProperties;
import io.strata.node.metadata.ConfigMetadata;
import io.strata.node.metadata.DataSourceMetadataStore;
import io.strata.node.metadata.PendingSegmentsMetadata;
import io.strata.node.metadata.RulesMetadata;
import io.strata.node.metadata.SegmentsMetadata;
import io.strata.node.metadata.SupervisorsMetadata;
import io.strata.node.metadata.TaskLocksMetadata;
import io.strata.node.metadata.TasksMetadata;
import io.strata.node.metadata.jdbc.JdbcConfigMetadata;
import io.strata.node.metadata.jdbc.JdbcRulesMetadata;
import io.strata.node.metadata.jdbc.JdbcSegmentsMetadata;
import io.strata.node.metadata.jdbc.MetadataSchema;
import io.strata.node.metadata.jdbc.PrefixedNamingStrategy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.jdbc.core.dialect.JdbcMySqlDialect;
import org.springframework.data.relational.core.mapping.NamingStrategy;
import org.springframework.data.relational.core.sql.IdentifierProcessing;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The metadata store: schema created or upgraded on start, then the Spring Data JDBC adapters. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetadataProperties.class)
public class MetadataConfiguration {

	@Bean
	NamingStrategy metadataNamingStrategy(MetadataProperties metadata) {
		return new PrefixedNamingStrategy(metadata.tablePrefix());
	}

	@Bean
	JdbcDialect jdbcDialect() {
		// MySQL's backtick quoting with case kept: H2 in MySQL mode with case-insensitive identifiers reads it too
		return new JdbcMySqlDialect(IdentifierProcessing.create(new IdentifierProcessing.Quoting("`"),
				IdentifierProcessing.LetterCasing.AS_IS));
	}

	@Bean
	MetadataSchema metadataSchema(DataSource dataSource, MetadataProperties metadata) {
		MetadataSchema schema = new MetadataSchema(dataSource, metadata.tablePrefix());
		schema.createOrUpgrade();
		return schema;
	}

	@Bean
	TransactionTemplate metadataTransactions(PlatformTransactionManager transactions) {
		return new TransactionTemplate(transactions);
	}

	@Bean
	SegmentsMetadata segmentsMetadata(MetadataSchema schema, JdbcAggregateTemplate template,
			NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions, MetadataProperties metadata) {
		return new JdbcSegmentsMetadata(template, jdbc, transactions, metadata.tablePrefix());
	}

	@Bean
	RulesMetadata rulesMetadata(MetadataSchema schema, JdbcAggregateTemplate template, NamedParameterJdbcTemplate jdbc,
			TransactionTemplate transactions, MetadataProperties metadata) {
		return new JdbcRulesMetadata(template, jdbc, transactions, metadata.tablePrefix());
	}

	@Bean
	TasksMetadata tasksMetadata(MetadataSchema schema, JdbcAggregateTemplate template, NamedParameterJdbcTemplate jdbc,
			MetadataProperties metadata) {
		return new JdbcTasksMetadata(template, jdbc, metadata.tablePrefix());
	}

	@Bean
	TaskLocksMetadata taskLocksMetadata(MetadataSchema schema, JdbcAggregateTemplate template) {
		return new JdbcTaskLocksMetadata(template);
	}

	@Bean
	ConfigMetadata configMetadata(MetadataSchema schema, JdbcAggregateTemplate template,
			TransactionTemplate transactions) {
		return new JdbcConfigMetadata(template, transactions);
	}

	@Bean
	DataSourceMetadataStore dataSourceMetadataStore(MetadataSchema schema, NamedParameterJdbcTemplate jdbc,
			TransactionTemplate transactions, MetadataProperties metadata) {
		return new JdbcDataSourceMetadataStore(jdbc, transactions, metadata.tablePrefix());
	}

	@Bean
	PendingSegmentsMetadata pendingSegmentsMetadata(MetadataSchema schema, NamedParameterJdbcTemplate jdbc,
			MetadataProperties metadata) {
		return new JdbcPendingSegmentsMetadata(jdbc, metadata.tablePrefix());
	}

	@Bean
	SupervisorsMetadata supervisorsMetadata(MetadataSchema schema, NamedParameterJdbcTemplate jdbc,
			MetadataProperties metadata) {
		return new JdbcSupervisorsMetadata(jdbc, metadata.tablePrefix());
	}

}
