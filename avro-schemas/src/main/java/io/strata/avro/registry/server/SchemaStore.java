package io.strata.avro.registry.server;

import io.strata.avro.registry.CompatibilityLevel;
import io.strata.avro.registry.RegistryError;
import io.strata.avro.registry.SchemaRegistryException;
import io.strata.avro.registry.SubjectVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/**
 * The registry's state and rules: schemas by id, subjects and their versions, compatibility
 * levels. Every change is appended to the log (and fsynced) before it is applied in memory, so
 * what a caller was told survives a restart; {@link #open} replays the log.
 *
 * <p>
 * Ids are registry-wide and increasing from 1; a schema text registered again, under any subject,
 * keeps its id. Schemas are compared by Avro's JSON form of the parsed schema, so whitespace does
 * not matter but docs do, as in Confluent's registry.
 *
 * <p>
 * Thread-safe: every method holds the store's monitor; registrations are rare and quick.
 */
final class SchemaStore implements AutoCloseable {

	static final String LOG_FILE = "schemas.jsonl";

	/** Confluent's own number for "the latest version" in its API. */
	static final int LATEST = -1;

	private static final CompatibilityLevel DEFAULT_LEVEL = CompatibilityLevel.BACKWARD;

	private final RegistryLogWriter log;

	private final TreeMap<Integer, Schema> schemasById = new TreeMap<>();

	private final Map<String, Integer> idsBySchema = new HashMap<>();

	private final TreeMap<String, List<SubjectVersion>> subjects = new TreeMap<>();

	private final TreeMap<String, CompatibilityLevel> subjectLevels = new TreeMap<>();

	private CompatibilityLevel globalLevel = DEFAULT_LEVEL;

	private SchemaStore(RegistryLogWriter log) {
		this.log = log;
	}

	/** Opens the store in {@code dataDir} (created if missing) and replays its log. */
	static SchemaStore open(Path dataDir) throws IOException {
		Files.createDirectories(dataDir);
		Path file = dataDir.resolve(LOG_FILE);
		RegistryLogReader.Replay replay = new RegistryLogReader().read(file);
		RegistryLogWriter log = RegistryLogWriter.open(file, replay.validLength());
		SchemaStore store = new SchemaStore(log);
		int line = 0;
		try {
			for (RegistryLogEntry entry : replay.entries()) {
				line++;
				store.apply(entry);
			}
		}
		catch (IllegalStateException | AvroRuntimeException ex) {
			log.close();
			throw new IOException("Registry log[" + file + "] entry[" + line + "] does not follow from the ones before: "
					+ ex.getMessage(), ex);
		}
		return store;
	}

	/**
	 * Registers {@code schemaText} under {@code subject}: the existing id when the subject already
	 * holds the schema, else a new version after a compatibility check.
	 */
	synchronized int register(String subject, String schemaText) {
		Schema schema = parse(schemaText);
		String canonical = schema.toString();
		List<SubjectVersion> versions = this.subjects.getOrDefault(subject, List.of());
		for (SubjectVersion version : versions) {
			if (version.schema().equals(canonical)) {
				return version.id();
			}
		}
		List<String> problems = CompatibilityChecker.problems(level(subject), schema, earlier(versions));
		if (!problems.isEmpty()) {
			throw new SchemaRegistryException(RegistryError.INCOMPATIBLE_SCHEMA,
					"Schema being registered is incompatible with an earlier schema for subject \"" + subject
							+ "\", details: " + problems);
		}
		Integer known = this.idsBySchema.get(canonical);
		int id = (known != null) ? known : nextId();
		append(new RegistryLogEntry.SchemaRegistered(id, subject, versions.size() + 1, canonical));
		return id;
	}

	/** The version of {@code subject} that holds {@code schemaText}. */
	synchronized SubjectVersion lookup(String subject, String schemaText) {
		String canonical = parse(schemaText).toString();
		for (SubjectVersion version : versionsOf(subject)) {
			if (version.schema().equals(canonical)) {
				return version;
			}
		}
		throw new SchemaRegistryException(RegistryError.SCHEMA_NOT_FOUND, "Schema not found under subject '" + subject + "'");
	}

	synchronized String schemaById(int id) {
		Schema schema = this.schemasById.get(id);
		if (schema == null) {
			throw new SchemaRegistryException(RegistryError.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
		}
		return schema.toString();
	}

	/** Subject names in alphabetical order. */
	synchronized List<String> subjects() {
		return List.copyOf(this.subjects.keySet());
	}

	synchronized List<Integer> versions(String subject) {
		return versionsOf(subject).stream().map(SubjectVersion::version).toList();
	}

	/** Version {@code version} of {@code subject}, or its latest for {@link #LATEST}. */
	synchronized SubjectVersion version(String subject, int version) {
		List<SubjectVersion> versions = versionsOf(subject);
		if (version == LATEST) {
			return versions.getLast();
		}
		if (version < 1 || version > versions.size()) {
			throw new SchemaRegistryException(RegistryError.VERSION_NOT_FOUND, "Version " + version + " not found.");
		}
		return versions.get(version - 1);
	}

	/**
	 * Whether {@code schemaText} is compatible, under the subject's level, with one version of the
	 * subject ({@link #LATEST} for its latest), as Confluent's {@code POST
	 * /compatibility/subjects/{subject}/versions/{version}} decides.
	 */
	synchronized boolean isCompatibleWith(String subject, int version, String schemaText) {
		Schema schema = parse(schemaText);
		SubjectVersion against = version(subject, version);
		List<CompatibilityChecker.Version> one = List
			.of(new CompatibilityChecker.Version(against.version(), this.schemasById.get(against.id())));
		return CompatibilityChecker.problems(level(subject), schema, one).isEmpty();
	}

	/** Whether {@code schemaText} may be registered under {@code subject}, checked like a registration. */
	synchronized boolean isCompatibleWithAll(String subject, String schemaText) {
		Schema schema = parse(schemaText);
		return CompatibilityChecker.problems(level(subject), schema, earlier(versionsOf(subject))).isEmpty();
	}

	synchronized CompatibilityLevel globalLevel() {
		return this.globalLevel;
	}

	/** The subject's own level; empty when it follows the global one. */
	synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
		return Optional.ofNullable(this.subjectLevels.get(subject));
	}

	synchronized void setGlobalLevel(CompatibilityLevel level) {
		append(new RegistryLogEntry.GlobalCompatibilitySet(level));
	}

	synchronized void setSubjectLevel(String subject, CompatibilityLevel level) {
		append(new RegistryLogEntry.SubjectCompatibilitySet(subject, level));
	}

	@Override
	public synchronized void close() throws IOException {
		this.log.close();
	}

	private void append(RegistryLogEntry entry) {
		try {
			this.log.append(entry);
		}
		catch (IOException ex) {
			throw new SchemaRegistryException(RegistryError.STORE_ERROR,
					"Registry log[" + this.log.file() + "] could not be written: " + ex.getMessage(), ex);
		}
		apply(entry);
	}

	/** Applies one entry to memory; an entry that contradicts the state is an IllegalStateException. */
	private void apply(RegistryLogEntry entry) {
		switch (entry) {
			case RegistryLogEntry.SchemaRegistered registered -> applySchema(registered);
			case RegistryLogEntry.GlobalCompatibilitySet global -> this.globalLevel = global.level();
			case RegistryLogEntry.SubjectCompatibilitySet subject -> this.subjectLevels.put(subject.subject(),
					subject.level());
		}
	}

	private void applySchema(RegistryLogEntry.SchemaRegistered registered) {
		Schema known = this.schemasById.get(registered.id());
		if (known == null) {
			if (registered.id() != nextId()) {
				throw new IllegalStateException("new schema id[" + registered.id() + "] is not the next id[" + nextId() + "]");
			}
			Schema schema = new Schema.Parser().parse(registered.schema());
			this.schemasById.put(registered.id(), schema);
			this.idsBySchema.put(registered.schema(), registered.id());
		}
		else if (!known.toString().equals(registered.schema())) {
			throw new IllegalStateException("schema id[" + registered.id() + "] already names another schema");
		}
		List<SubjectVersion> versions = this.subjects.computeIfAbsent(registered.subject(), subject -> new ArrayList<>());
		if (registered.version() != versions.size() + 1) {
			throw new IllegalStateException("version[" + registered.version() + "] of subject[" + registered.subject()
					+ "] does not follow version[" + versions.size() + "]");
		}
		versions.add(new SubjectVersion(registered.subject(), registered.version(), registered.id(), registered.schema()));
	}

	private int nextId() {
		return this.schemasById.isEmpty() ? 1 : this.schemasById.lastKey() + 1;
	}

	private CompatibilityLevel level(String subject) {
		return this.subjectLevels.getOrDefault(subject, this.globalLevel);
	}

	private List<SubjectVersion> versionsOf(String subject) {
		List<SubjectVersion> versions = this.subjects.get(subject);
		if (versions == null) {
			throw new SchemaRegistryException(RegistryError.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
		}
		return versions;
	}

	private List<CompatibilityChecker.Version> earlier(List<SubjectVersion> versions) {
		return versions.stream()
			.map(version -> new CompatibilityChecker.Version(version.version(), this.schemasById.get(version.id())))
			.toList();
	}

	private static Schema parse(String schemaText) {
		try {
			return new Schema.Parser().parse(schemaText);
		}
		catch (AvroRuntimeException ex) {
			throw new SchemaRegistryException(RegistryError.INVALID_SCHEMA, "Invalid schema: " + ex.getMessage(), ex);
		}
	}

}
