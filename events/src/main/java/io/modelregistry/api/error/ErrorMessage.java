package io.modelregistry.api.error;

import io.modelregistry.api.error.RegistryException.Kind;

/**
 * Every message the registry shows a client when it refuses or fails a request, each with a stable id, the kind of
 * failure it is (which fixes its HTTP status, see the launcher's {@code ApiErrors}) and its text. A template's
 * {@code {}} are filled in order with the arguments (as string concatenation would render them).
 *
 * <p>One catalogue, so that a client (and a test) can tell refusals apart by id rather than by wording, and so that
 * the build can say which of them its tests have produced ({@link ProducedErrors}). A {@link RegistryException} is
 * only ever built from an entry: there is no constructor that takes a free message.
 */
public enum ErrorMessage {

    // health
    HEALTH_WINDOWMINUTES_MUST_INTEGER_5("health.windowminutes-must-integer-5", Kind.BAD_REQUEST,
            "windowMinutes must be an integer from 5 to 1440."),
    HEALTH_INCLUDETIMELINE_MUST_TRUE_FALSE("health.includetimeline-must-true-false", Kind.BAD_REQUEST,
            "includeTimeline must be true or false."),
    HEALTH_ADMINISTRATOR_MAY_READ_LOG("health.administrator-may-read-log", Kind.NOT_PERMITTED,
            "Only an administrator may read the log."),
    HEALTH_Q_MUST_MOST_CHARACTERS("health.q-must-most-characters", Kind.BAD_REQUEST,
            "q must be at most {} characters."),
    HEALTH_LEVEL_MUST_TRACE_DEBUG("health.level-must-trace-debug", Kind.BAD_REQUEST,
            "level must be one of TRACE, DEBUG, INFO, WARN or ERROR."),
    HEALTH_LIMIT_MUST_INTEGER_1("health.limit-must-integer-1", Kind.BAD_REQUEST,
            "limit must be an integer from 1 to {}."),
    // workload
    WORKLOAD_WORKLOAD_RUN_ALREADY_PROGRESS("workload.workload-run-already-progress", Kind.CONFLICT,
            "A workload run is already in progress (run {}, started by {} at {}); wait for it to end."),
    WORKLOAD_UNKNOWN_FIELD_FIELDS("workload.unknown-field-fields", Kind.BAD_REQUEST,
            "Unknown field '{}'; the fields are {}."),
    WORKLOAD_ADMINISTRATOR_MAY_RUN_WORKLOAD("workload.administrator-may-run-workload", Kind.NOT_PERMITTED,
            "Only an administrator may run the workload."),
    WORKLOAD_MUST_INTEGER("workload.must-integer", Kind.BAD_REQUEST,
            "{} must be an integer from {} to {}."),
    // security
    SECURITY_AUTHENTICATION_FAILED_X_AUTHORIZATION("security.authentication-failed-x-authorization", Kind.INVALID_TOKEN,
            "Authentication failed: the X-Authorization token is missing, invalid, expired or used "
            + "up."),
    SECURITY_ENDPOINT_DECLARES_PERMISSION_SO("security.endpoint-declares-permission-so", Kind.NOT_PERMITTED,
            "This endpoint declares no permission, so it is refused."),
    SECURITY_PERMISSION_REQUIRED("security.permission-required", Kind.NOT_PERMITTED,
            "This needs {}."),
    // artifact
    ARTIFACT_NO_MODEL_WITH_ID("artifact.no-model-with-id", Kind.NOT_FOUND,
            "No model artifact with id {}."),
    ARTIFACT_NO_SUCH_VERSION("artifact.no-such-version", Kind.NOT_FOUND,
            "The {} {} has no version {}."),
    ARTIFACT_QUERY_MATCHES_ARTIFACTS_MOST("artifact.query-matches-artifacts-most", Kind.PAYLOAD_TOO_LARGE,
            "The query matches {} artifacts; at most {} can be enumerated. Narrow it by name or "
            + "types."),
    ARTIFACT_ARTIFACT_NAME_MUST_1("artifact.artifact-name-must-1", Kind.BAD_REQUEST,
            "artifact_name must be 1-{} characters."),
    ARTIFACT_RESERVED_USE_POST_ARTIFACTS("artifact.reserved-use-post-artifacts", Kind.BAD_REQUEST,
            "'*' is reserved; use POST /artifacts to enumerate."),
    ARTIFACT_ARTIFACT_NAMED("artifact.artifact-named", Kind.NOT_FOUND,
            "No artifact is named '{}'."),
    ARTIFACT_BODY_MUST_REGEX_PATTERN("artifact.body-must-regex-pattern", Kind.BAD_REQUEST,
            "The body must be {\"regex\": \"<pattern>\"} with a non-empty pattern."),
    ARTIFACT_ARTIFACT_NAME_README_MATCHES("artifact.artifact-name-readme-matches", Kind.NOT_FOUND,
            "No artifact name or README matches this regular expression."),
    ARTIFACT_NO_TYPED_ARTIFACT_WITH_ID("artifact.no-typed-artifact-with-id", Kind.NOT_FOUND,
            "No {} artifact with id {}."),
    ARTIFACT_OFFSET_MUST_NON_NEGATIVE("artifact.offset-must-non-negative", Kind.BAD_REQUEST,
            "offset must be a non-negative integer (the 'offset' header of the previous page)."),
    ARTIFACT_BODY_MUST_NON_EMPTY("artifact.body-must-non-empty", Kind.BAD_REQUEST,
            "The body must be a non-empty JSON array of artifact queries, e.g. [{\"name\": \"*\"}]."),
    ARTIFACT_MOST_QUERIES_PER_REQUEST("artifact.most-queries-per-request", Kind.BAD_REQUEST,
            "At most {} queries per request."),
    ARTIFACT_VERSION_MUST_STRING_EXACT("artifact.version-must-string-exact", Kind.BAD_REQUEST,
            "'version' must be a string: an exact version (1.2.3) or a range (1.2.3-2.1.0, ~1.2.0, "
            + "^1.2.0)."),
    ARTIFACT_EACH_ARTIFACT_QUERY_MUST("artifact.each-artifact-query-must", Kind.BAD_REQUEST,
            "Each artifact query must be an object with a 'name'."),
    ARTIFACT_EACH_ARTIFACT_QUERY_NEEDS("artifact.each-artifact-query-needs", Kind.BAD_REQUEST,
            "Each artifact query needs a 'name' string of 1-{} characters ('*' for all)."),
    ARTIFACT_TYPES_MUST_ARRAY_MODEL("artifact.types-must-array-model", Kind.BAD_REQUEST,
            "'types' must be an array of model, dataset, code."),
    ARTIFACT_TYPES_MUST_CONTAIN_MODEL("artifact.types-must-contain-model", Kind.BAD_REQUEST,
            "'types' must contain only model, dataset, code."),
    ARTIFACT_BODY_MUST_IDS_MOST("artifact.body-must-ids-most", Kind.BAD_REQUEST,
            "The body must be {\"ids\": [\"…\", …]} with at most {} ids."),
    ARTIFACT_MOST_IDS_PER_REQUEST("artifact.most-ids-per-request", Kind.BAD_REQUEST,
            "At most {} ids per request; {} were sent."),
    ARTIFACT_EVERY_ID_MUST_STRING("artifact.every-id-must-string", Kind.BAD_REQUEST,
            "Every id must be a string."),
    ARTIFACT_NO_ARTIFACT_WITH_ID("artifact.no-artifact-with-id", Kind.NOT_FOUND,
            "No artifact with id {}."),
    ARTIFACT_ARTIFACT_REGISTERED_LEAST_VERSION("artifact.artifact-registered-least-version", Kind.BAD_REQUEST,
            "An artifact is registered with at least one version."),
    ARTIFACT_VERSION_LISTED_TWICE_ARTIFACT("artifact.version-listed-twice-artifact", Kind.CONFLICT,
            "Version {} is listed twice for one artifact."),
    ARTIFACT_NAME_ID_MUST_MATCH("artifact.name-id-must-match", Kind.BAD_REQUEST,
            "The name and id must match: artifact {} is named '{}', not '{}'."),
    ARTIFACT_ALREADY_VERSION("artifact.already-version", Kind.CONFLICT,
            "The {} {} already has version {}."),
    ARTIFACT_MODELS_RATED_ARTIFACT("artifact.models-rated-artifact", Kind.BAD_REQUEST,
            "Only models are rated: artifact {} is a {}."),
    ARTIFACT_BODY_MUST_JSON_OBJECT("artifact.body-must-json-object", Kind.BAD_REQUEST,
            "The body must be a JSON object with a single 'url'."),
    ARTIFACT_BODY_MUST_ARTIFACT_METADATA("artifact.body-must-artifact-metadata", Kind.BAD_REQUEST,
            "The body must be an Artifact: {\"metadata\": {...}, \"data\": {...}}."),
    ARTIFACT_ARTIFACT_MUST_METADATA_DATA("artifact.artifact-must-metadata-data", Kind.BAD_REQUEST,
            "The Artifact must have 'metadata' and 'data' objects."),
    ARTIFACT_NAME_MUST_1_CHARACTERS("artifact.name-must-1-characters", Kind.BAD_REQUEST,
            "A name must be 1-{} characters."),
    ARTIFACT_NAME_RESERVED_MEANS_ALL("artifact.name-reserved-means-all", Kind.BAD_REQUEST,
            "The name '*' is reserved (it means 'all' in queries)."),
    ARTIFACT_NAME_MUST_CONTAIN_CONTROL("artifact.name-must-contain-control", Kind.BAD_REQUEST,
            "A name must not contain control characters."),
    ARTIFACT_MISSING_FIELD("artifact.missing-field", Kind.BAD_REQUEST,
            "Missing field '{}' in {}."),
    ARTIFACT_FIELD_MUST_EMPTY("artifact.field-must-empty", Kind.BAD_REQUEST,
            "Field '{}' in {} must not be empty."),
    ARTIFACT_FIELD_LONGER_CHARACTERS("artifact.field-longer-characters", Kind.BAD_REQUEST,
            "Field '{}' in {} is longer than {} characters."),
    ARTIFACT_FIELD_MUST_STRING("artifact.field-must-string", Kind.BAD_REQUEST,
            "Field '{}' in {} must be a string."),
    ARTIFACT_ARTIFACT_RENAMED_SINCE_COMMAND("artifact.artifact-renamed-since-command", Kind.CONFLICT,
            "Artifact {} was renamed since the command was appended."),
    ARTIFACT_ALREADY_REGISTERED("artifact.already-registered", Kind.CONFLICT,
            "A {} from {} is already registered."),
    ARTIFACT_METADATA_ID_METADATA_TYPE("artifact.metadata-id-metadata-type", Kind.BAD_REQUEST,
            "metadata.id and metadata.type must match the path ({}/{})."),
    ARTIFACT_NAME_ID_MUST_MATCH_ARTIFACT("artifact.name-id-must-match-artifact", Kind.BAD_REQUEST,
            "The name and id must match: artifact {} is named '{}'."),
    ARTIFACT_NAME_INVISIBLE_CHARACTERS("artifact.name-invisible-characters", Kind.BAD_REQUEST,
            "A name must not contain invisible or direction-changing characters (U+{}): it would "
            + "display as another name."),
    ARTIFACT_SOURCE_ALREADY_REGISTERED("artifact.source-already-registered", Kind.CONFLICT,
            "A {} from this source is already registered."),
    ARTIFACT_SOURCE_TAKEN("artifact.source-taken", Kind.CONFLICT,
            "Another artifact of this type is already registered from this source."),
    // licence
    LICENCE_BODY_MUST_JSON_OBJECT("licence.body-must-json-object", Kind.BAD_REQUEST,
            "The body must be a JSON object: {\"github_url\": \"https://github.com/OWNER/REPO\"}."),
    LICENCE_MISSING_STRING_FIELD_GITHUB("licence.missing-string-field-github", Kind.BAD_REQUEST,
            "Missing string field 'github_url'."),
    LICENCE_GITHUB_URL_MUST_GITHUB("licence.github-url-must-github", Kind.BAD_REQUEST,
            "github_url must be a GitHub repository URL such as https://github.com/OWNER/REPO."),
    LICENCE_GITHUB_REPOSITORY("licence.github-repository", Kind.NOT_FOUND,
            "GitHub has no repository {}."),
    LICENCE_LICENCE_GITHUB_REPOSITORY_COULD("licence.licence-github-repository-could", Kind.UPSTREAM_UNAVAILABLE,
            "The licence of GitHub repository {} could not be retrieved: GitHub {}."),
    // downloads
    DOWNLOADS_USER_MUST_USER_NAME("downloads.user-must-user-name", Kind.BAD_REQUEST,
            "user must be a user name of 1 to 1024 characters."),
    DOWNLOADS_ADMINISTRATOR_MAY_READ_OTHER("downloads.administrator-may-read-other", Kind.NOT_PERMITTED,
            "Only an administrator may read other users' downloads."),
    DOWNLOADS_MUST_INSTANT_SUCH_2025("downloads.must-instant-such-2025", Kind.BAD_REQUEST,
            "as_of must be an instant such as 2025-11-01T10:00:00Z."),
    DOWNLOADS_BEFORE_MUST_NEXT_CURSOR("downloads.before-must-next-cursor", Kind.BAD_REQUEST,
            "before must be the 'next' cursor of a previous page."),
    DOWNLOADS_LIMIT_MUST_WHOLE_NUMBER("downloads.limit-must-whole-number", Kind.BAD_REQUEST,
            "limit must be a whole number from 1 to {}."),
    // sensitive
    SENSITIVE_MODEL_MONITOR_PROGRAM("sensitive.model-monitor-program", Kind.NOT_FOUND,
            "Model {} has no monitor program."),
    SENSITIVE_MONITOR_PROGRAM_MISSING_BLOB("sensitive.monitor-program-missing-blob", Kind.INTERNAL,
            "The monitor program is missing from the blob store."),
    SENSITIVE_MONITOR_PROGRAM_COULD_STORED("sensitive.monitor-program-could-stored", Kind.INTERNAL,
            "The monitor program could not be stored."),
    SENSITIVE_SEND_MONITOR_PROGRAM_S("sensitive.send-monitor-program-s", Kind.BAD_REQUEST,
            "Send the monitor program's JavaScript source as the request body."),
    SENSITIVE_MONITOR_PROGRAM_MUST_JAVASCRIPT("sensitive.monitor-program-must-javascript", Kind.BAD_REQUEST,
            "The monitor program must be JavaScript source in UTF-8."),
    SENSITIVE_MONITOR_PROGRAM_MAY_MOST("sensitive.monitor-program-may-most", Kind.PAYLOAD_TOO_LARGE,
            "A monitor program may be at most {} bytes."),
    // rating
    RATING_RATING_MODEL_FAILED_METRIC("rating.rating-model-failed-metric", Kind.INTERNAL,
            "The rating of model {} failed: metric {} failed{}. Rate it again with POST "
            + "/artifact/model/{}/rate."),
    RATING_MODEL_VERSION("rating.model-version", Kind.NOT_FOUND,
            "Model {} has no version {}."),
    RATING_VERSION_MODEL_RATING_YET("rating.version-model-rating-yet", Kind.NOT_FOUND,
            "Version {} of model {} has no rating yet."),
    RATING_MODEL_RATING_YET("rating.model-rating-yet", Kind.NOT_FOUND,
            "Model {} has no rating yet."),
    RATING_RATING_RECORDED_BUT_METRIC("rating.rating-recorded-but-metric", Kind.INTERNAL,
            "The rating was recorded, but metric {} failed; see /health/components."),
    RATING_INGEST_REFUSED_RATING_FAILED("rating.ingest-refused-rating-failed", Kind.FAILED_DEPENDENCY,
            "Model not registered: its rating could not be completed (metric {} failed), so it "
            + "cannot pass the ingest gate (policy 'enforce'). Try again later."),
    RATING_INGEST_REFUSED_BELOW_GATE("rating.ingest-refused-below-gate", Kind.FAILED_DEPENDENCY,
            "Model not registered: it fails the ingest gate (policy 'enforce': every non-latency "
            + "metric with evidence must be at least {}; one without evidence, reviewedness -1 among them, "
            + "is not applicable, size_score counts by its best device). Failing metrics: {}."),
    // param
    PARAM_QUERY_PARAMETER_MUST_TRUE("param.query-parameter-must-true", Kind.BAD_REQUEST,
            "Query parameter '{}' must be true or false."),
    // card
    CARD_VERSION_MUST_SEMANTIC_VERSION("card.version-must-semantic-version", Kind.BAD_REQUEST,
            "version must be a semantic version such as 1.2.0."),
    CARD_NO_SUCH_VERSION("card.no-such-version", Kind.NOT_FOUND,
            "No {} artifact {} with version {}."),
    // hf
    HF_ENTRY_FOUND_USE_HF("hf.entry-found-use-hf", Kind.NOT_FOUND,
            "Entry not found: use /hf/{repo}/resolve/{revision}/{path}."),
    HF_REPOSITORY_FOUND_REGISTRY_ID("hf.repository-found-registry-id", Kind.NOT_FOUND,
            "Repository not found: no registry {} has the id '{}' (a HuggingFace {} is found by its "
            + "source repo id, an upload by its name)."),
    HF_ENTRY_FOUND_FILE_REVISION("hf.entry-found-file-revision", Kind.NOT_FOUND,
            "Entry not found: '{}' is not a file of {} at revision {}."),
    HF_REQUESTED_RANGE_OUTSIDE_BYTES("hf.requested-range-outside-bytes", Kind.RANGE_NOT_SATISFIABLE,
            "The requested range is outside the {} bytes of this file."),
    HF_ACCESS_MODEL_RESTRICTED_RATING("hf.access-model-restricted-rating", Kind.REFUSED,
            "Access to model {} is restricted: it has no rating yet, and only models the registry's "
            + "ingest gate vetted are served."),
    HF_ACCESS_MODEL_RESTRICTED_REGISTRY("hf.access-model-restricted-registry", Kind.REFUSED,
            "Access to model {} is restricted: the registry's ingest gate did not vet it (below "
            + "threshold: {}); only vetted models are served."),
    HF_REVISION_FOUND_REVISION_USE("hf.revision-found-revision-use", Kind.NOT_FOUND,
            "Revision Not Found: {} has no revision '{}' (use main, a version such as 1.0.0, or a "
            + "commit id from the {} info)."),
    HF_ENTRY_FOUND_FOLDER("hf.entry-found-folder", Kind.NOT_FOUND,
            "Entry not found: no folder '{}' in {}."),
    HF_REPOSITORY_FOUND_GIVE_REPO("hf.repository-found-give-repo", Kind.NOT_FOUND,
            "Repository not found: give a repo id."),
    HF_REPOSITORY_FOUND_ROUTE_REGISTRY("hf.repository-found-route-registry", Kind.NOT_FOUND,
            "Repository not found: '{}' is not a {} route this registry answers (info, revision, "
            + "tree, refs)."),
    HF_TOKEN_REQUIRED("hf.token-required", Kind.NOT_PERMITTED,
            "Repository not found or not readable without a token: send the registry token as "
            + "'Authorization: Bearer <token>' (HF_TOKEN)."),
    // weights
    WEIGHTS_NO_MODEL_WITH_ID_VERSION("weights.no-model-with-id-version", Kind.NOT_FOUND,
            "No model artifact with id {}{}."),
    WEIGHTS_VERSION_MODEL_DANGEROUS_WEIGHTS("weights.version-model-dangerous-weights", Kind.CONFLICT,
            "Version {} of model {} has no dangerous weights to override."),
    WEIGHTS_VERSION_MODEL_OVERRIDE("weights.version-model-override", Kind.NOT_FOUND,
            "Version {} of model {} has no override."),
    WEIGHTS_REASON_MUST_TEXT_MOST("weights.reason-must-text-most", Kind.BAD_REQUEST,
            "The reason must be text of at most {} characters, without control characters."),
    // confusion
    CONFUSION_MIN_SCORE_MUST_NUMBER("confusion.min-score-must-number", Kind.BAD_REQUEST,
            "min_score must be a number from 0 to 1."),
    // lineage
    LINEAGE_LINEAGE_MODEL_CANNOT_COMPUTED("lineage.lineage-model-cannot-computed", Kind.BAD_REQUEST,
            "The lineage of model {} cannot be computed: its metadata is missing or malformed (no "
            + "config.json that parses as a JSON object and no model-card metadata)."),
    // download
    DOWNLOAD_MONITOR_PROGRAM_MISSING_BLOB("download.monitor-program-missing-blob", Kind.INTERNAL,
            "The monitor program {} is missing from the blob store."),
    DOWNLOAD_MONITOR_PROGRAM_BYTES_LOG("download.monitor-program-bytes-log", Kind.INTERNAL,
            "The monitor program {} has {} bytes, the log says {}."),
    DOWNLOAD_MONITOR_UNAVAILABLE("download.monitor-unavailable", Kind.UNAVAILABLE,
            "The download of model '{}' ({}) was refused: {}. Sensitive models are never served "
            + "unvetted; try again later."),
    DOWNLOAD_MONITOR_REFUSED_OUTPUT("download.monitor-refused-output", Kind.REFUSED,
            "The download of model '{}' ({}) was refused: {}. Its output: {}"),
    DOWNLOAD_MONITOR_TIMED_OUT("download.monitor-timed-out", Kind.UNAVAILABLE,
            "The download of model '{}' ({}) was refused: {}. Sensitive models are never served "
            + "unvetted. Its output so far: {}"),
    DOWNLOAD_MONITOR_REFUSED("download.monitor-refused", Kind.REFUSED,
            "The download of model '{}' ({}) was refused: {}."),
    DOWNLOAD_PACKAGE_ARTIFACT_STORED_BEFORE("download.package-artifact-stored-before", Kind.BAD_REQUEST,
            "The package of artifact {} was stored before packages had aspects; download it in full, "
            + "or update the artifact to store it anew."),
    DOWNLOAD_PACKAGE_MANIFEST_ARTIFACT_LARGER("download.package-manifest-artifact-larger", Kind.INTERNAL,
            "The package manifest of artifact {} is larger than any this registry writes."),
    DOWNLOAD_PACKAGE_MANIFEST_ARTIFACT_MALFORMED("download.package-manifest-artifact-malformed", Kind.INTERNAL,
            "The package manifest of artifact {} is malformed."),
    DOWNLOAD_STORED_PACKAGE_ARTIFACT_MISSING("download.stored-package-artifact-missing", Kind.INTERNAL,
            "The stored package of artifact {} is missing."),
    DOWNLOAD_NAME_ARTIFACTS_ID_ID("download.name-artifacts-id-id", Kind.BAD_REQUEST,
            "Name the artifacts: ?id=ID&id=ID (at most {})."),
    DOWNLOAD_GROUP_DOWNLOAD_HOLDS_MOST("download.group-download-holds-most", Kind.BAD_REQUEST,
            "A group download holds at most {} artifacts."),
    DOWNLOAD_DOWNLOAD_LINK_INVALID_EXPIRED("download.download-link-invalid-expired", Kind.INVALID_TOKEN,
            "This download link is invalid or has expired; read the artifact again for a fresh link."),
    DOWNLOAD_DOWNLOAD_LINK_ISSUED_USER("download.download-link-issued-user", Kind.INVALID_TOKEN,
            "This download link was issued to a user who has been removed or may no longer download."),
    DOWNLOAD_ARTIFACT_DELETED_CONTENT_REPLACED("download.artifact-deleted-content-replaced", Kind.NOT_FOUND,
            "This artifact was deleted or its content replaced since the link was issued."),
    DOWNLOAD_UNKNOWN_ASPECT_USE_FULL("download.unknown-aspect-use-full", Kind.BAD_REQUEST,
            "Unknown aspect '{}': use full, weights, card, config, code or datasets."),
    DOWNLOAD_RANGE_NOT_SATISFIABLE("download.range-not-satisfiable", Kind.RANGE_NOT_SATISFIABLE,
            "The requested range is outside the {} bytes of this download."),
    // hub
    HUB_LOOKUP_REFUSED("hub.lookup-refused", Kind.UPSTREAM_UNAVAILABLE,
            "{} refused the request (rate limit?)."),
    HUB_RATE_LIMITED("hub.rate-limited", Kind.UPSTREAM_UNAVAILABLE,
            "{}'s rate limit is reached; it is asked again in {} s at the earliest."),
    HUB_LOOKUP_ANSWERED("hub.lookup-answered", Kind.UPSTREAM_UNAVAILABLE,
            "{} answered {}."),
    HUB_ARTIFACT_TYPE_REQUIRED("hub.artifact-type-required", Kind.BAD_REQUEST,
            "The artifact type is required."),
    HUB_UNSUPPORTED_HOST_SOURCES_MUST("hub.unsupported-host-sources-must", Kind.BAD_REQUEST,
            "Unsupported host '{}': sources must be on huggingface.co, github.com or kaggle.com."),
    HUB_SOURCE_URL_REQUIRED("hub.source-url-required", Kind.BAD_REQUEST,
            "The source url is required."),
    HUB_SOURCE_URL_LONGER_CHARACTERS("hub.source-url-longer-characters", Kind.BAD_REQUEST,
            "The source url is longer than {} characters."),
    HUB_SOURCE_URL_MUST_CONTAIN("hub.source-url-must-contain", Kind.BAD_REQUEST,
            "The source url must not contain spaces or control characters."),
    HUB_SOURCE_URL_VALID_URL("hub.source-url-valid-url", Kind.BAD_REQUEST,
            "The source url is not a valid URL."),
    HUB_HTTP_S_URLS_HUGGINGFACE("hub.http-s-urls-huggingface", Kind.BAD_REQUEST,
            "Only http(s) URLs of huggingface.co, github.com or kaggle.com are accepted as sources."),
    HUB_SOURCE_URL_MUST_CONTAIN_USER("hub.source-url-must-contain-user", Kind.BAD_REQUEST,
            "The source url must not contain user information."),
    HUB_SOURCE_URL_VALID_HOST("hub.source-url-valid-host", Kind.BAD_REQUEST,
            "The source url has no valid host."),
    HUB_SOURCE_URL_MUST_NAME("hub.source-url-must-name", Kind.BAD_REQUEST,
            "The source url must not name a port."),
    HUB_SOURCE_URL_TOO_MANY("hub.source-url-too-many", Kind.BAD_REQUEST,
            "The source url has too many path segments."),
    HUB_URL_NAMES_HUGGINGFACE_REPOSITORY("hub.url-names-huggingface-repository", Kind.BAD_REQUEST,
            "The URL names no HuggingFace repository."),
    HUB_HUGGINGFACE_SPACES_SUPPORTED_GIVE("hub.huggingface-spaces-supported-give", Kind.BAD_REQUEST,
            "HuggingFace Spaces are not supported: give a model URL "
            + "(https://huggingface.co/ORG/NAME) or a dataset URL "
            + "(https://huggingface.co/datasets/ORG/NAME)."),
    HUB_HUGGINGFACE_CO_URL_SITE("hub.huggingface-co-url-site", Kind.BAD_REQUEST,
            "This huggingface.co URL is a site page, not a model or dataset repository."),
    HUB_URL_NAMES_HUGGINGFACE_DATASET("hub.url-names-huggingface-dataset", Kind.BAD_REQUEST,
            "The URL names no HuggingFace dataset."),
    HUB_URL_NAMES_GITHUB_REPOSITORY("hub.url-names-github-repository", Kind.BAD_REQUEST,
            "The URL names no GitHub repository: expected https://github.com/OWNER/REPO."),
    HUB_KAGGLE_DATASET_URLS_HTTPS("hub.kaggle-dataset-urls-https", Kind.BAD_REQUEST,
            "Only Kaggle dataset URLs (https://www.kaggle.com/datasets/OWNER/NAME) are accepted."),
    HUB_UNSUPPORTED_KAGGLE_URL_FORM("hub.unsupported-kaggle-url-form", Kind.BAD_REQUEST,
            "Unsupported Kaggle URL form: expected https://www.kaggle.com/datasets/OWNER/NAME."),
    HUB_UNSUPPORTED_URL_FORM_GIVE("hub.unsupported-url-form-give", Kind.BAD_REQUEST,
            "Unsupported {} URL form: give the repository page, optionally with "
            + "/tree/<revision>[/<folder>] or /blob/<revision>/<file>."),
    HUB_URL_NAMES_REVISION_AFTER("hub.url-names-revision-after", Kind.BAD_REQUEST,
            "The {} URL names no revision after /{}."),
    HUB_URL_NAMES_INVALID_REVISION("hub.url-names-invalid-revision", Kind.BAD_REQUEST,
            "The {} URL names an invalid revision (allowed: letters, digits, '.', '_', '-')."),
    HUB_URL_NAMES_FILE_AFTER("hub.url-names-file-after", Kind.BAD_REQUEST,
            "The {} URL names no file after /{}/{}."),
    HUB_URL_S_PATH_INSIDE("hub.url-s-path-inside", Kind.BAD_REQUEST,
            "The {} URL's path inside the repository is too deep."),
    HUB_URL_S_PATH_INSIDE_REPOSITORY("hub.url-s-path-inside-repository", Kind.BAD_REQUEST,
            "The {} URL's path inside the repository has an invalid segment (allowed: letters, "
            + "digits and . _ - + @ = , ~; no '..')."),
    HUB_URL_INVALID_ALLOWED_LETTERS("hub.url-invalid-allowed-letters", Kind.BAD_REQUEST,
            "The URL has an invalid {} (allowed: letters, digits, '.', '_', '-'; at most 96 "
            + "characters)."),
    HUB_ARTIFACT_CANNOT_INGESTED_MUST("hub.artifact-cannot-ingested-must", Kind.BAD_REQUEST,
            "A {} artifact cannot be ingested from {}; it must come from {}."),
    HUB_UNREACHABLE("hub.unreachable", Kind.UPSTREAM_UNAVAILABLE,
            "{} {}; try again later."),
    // consistency
    CONSISTENCY_READ_MODELS_BEHIND_EVENT("consistency.read-models-behind-event", Kind.UNAVAILABLE,
            "The read models are behind the event log: processing failed or stopped ({}); see "
            + "/health/components. Acknowledged writes are kept; try again later."),
    CONSISTENCY_READ_MODELS_CATCHING_UP("consistency.read-models-catching-up", Kind.UNAVAILABLE,
            "The read models are catching up with the event log (at position {} of {}); try again "
            + "shortly."),
    // search
    SEARCH_REGULAR_EXPRESSION_TOO_EXPENSIVE("search.regular-expression-too-expensive", Kind.BAD_REQUEST,
            "The regular expression is too expensive to evaluate against the registry within {} s; "
            + "make it more specific."),
    SEARCH_REGISTRY_HOLDS_MORE_DISTINCT("search.registry-holds-more-distinct", Kind.UNAVAILABLE,
            "The registry holds more than {} distinct versions; version queries are not answered."),
    SEARCH_REGULAR_EXPRESSION_REQUIRED("search.regular-expression-required", Kind.BAD_REQUEST,
            "A regular expression is required."),
    SEARCH_INVALID_REGULAR_EXPRESSION_LONGER("search.invalid-regular-expression-longer", Kind.BAD_REQUEST,
            "Invalid regular expression: longer than {} characters."),
    SEARCH_INVALID_REGULAR_EXPRESSION_NESTED("search.invalid-regular-expression-nested", Kind.BAD_REQUEST,
            "Invalid regular expression: nested repetitions expand to more than {} copies."),
    SEARCH_INVALID_REGULAR_EXPRESSION_TOO("search.invalid-regular-expression-too", Kind.BAD_REQUEST,
            "Invalid regular expression: too complex to evaluate."),
    SEARCH_INVALID_REGULAR_EXPRESSION("search.invalid-regular-expression", Kind.BAD_REQUEST,
            "Invalid regular expression: {}"),
    SEARCH_ARTIFACT_NAME_REQUIRED("search.artifact-name-required", Kind.BAD_REQUEST,
            "An artifact name is required."),
    SEARCH_LEAST_ARTIFACT_QUERY_REQUIRED("search.least-artifact-query-required", Kind.BAD_REQUEST,
            "At least one artifact query is required."),
    SEARCH_MOST_ARTIFACT_QUERIES_ALLOWED("search.most-artifact-queries-allowed", Kind.BAD_REQUEST,
            "At most {} artifact queries are allowed."),
    SEARCH_OFFSET_LIMIT_MUST_NEGATIVE("search.offset-limit-must-negative", Kind.BAD_REQUEST,
            "offset and limit must not be negative."),
    SEARCH_LIMIT_MUST_NEGATIVE("search.limit-must-negative", Kind.BAD_REQUEST,
            "limit must not be negative."),
    // timetravel
    TIMETRAVEL_MUST_ISO_8601_INSTANT("timetravel.must-iso-8601-instant", Kind.BAD_REQUEST,
            "as_of must be an ISO-8601 instant such as 2026-12-03T08:00:00Z."),
    TIMETRAVEL_MUST_ISO_8601_INSTANT_SUCH("timetravel.must-iso-8601-instant-such", Kind.BAD_REQUEST,
            "as_of must be an ISO-8601 instant such as 2026-12-03T08:00:00Z, with its offset (Z for "
            + "UTC); '{}' is not one."),
    TIMETRAVEL_FUTURE_REGISTRY_S_TIME("timetravel.future-registry-s-time", Kind.BAD_REQUEST,
            "as_of {} is in the future (the registry's time is {}); omit as_of to read the present."),
    TIMETRAVEL_TOO_MANY_READS_BEING("timetravel.too-many-reads-being", Kind.UNAVAILABLE,
            "Too many as_of reads are being replayed at once (at most {}); try again shortly."),
    TIMETRAVEL_BEFORE_REGISTRY_S_FIRST("timetravel.before-registry-s-first", Kind.BAD_REQUEST,
            "as_of {} is before the registry's first event ({}): there is nothing to read then."),
    TIMETRAVEL_READING_WOULD_REPLAY_MORE("timetravel.reading-would-replay-more", Kind.PAYLOAD_TOO_LARGE,
            "Reading as_of {} would replay more than {} events, the bound of a replay; choose an "
            + "earlier moment."),
    TIMETRAVEL_REPLAY_UP_TOOK_LONGER("timetravel.replay-up-took-longer", Kind.UNAVAILABLE,
            "The replay up to as_of {} took longer than {}, the bound of a replay, after {} events; "
            + "choose an earlier moment or try again later."),
    TIMETRAVEL_REGISTRY_EVENTS_YET_THERE("timetravel.registry-events-yet-there", Kind.BAD_REQUEST,
            "The registry has no events yet: there is no past to read."),
    // rest
    REST_ARTIFACT_TYPE_MUST_MODEL("rest.artifact-type-must-model", Kind.BAD_REQUEST,
            "artifact_type must be one of model, dataset, code (got '{}')."),
    REST_ARTIFACT_ID_MUST_1("rest.artifact-id-must-1", Kind.BAD_REQUEST,
            "artifact_id must be 1-64 characters of letters, digits and '-' (got '{}')."),
    // version
    VERSION_SEMANTIC_VERSION_EXPECTED_MAJOR("version.semantic-version-expected-major", Kind.BAD_REQUEST,
            "'{}' is not a semantic version (expected MAJOR.MINOR.PATCH, e.g. 1.2.0, 2.0.0-rc.1 or "
            + "v1.0.0)."),
    VERSION_VERSION_VERSION_QUERY_USE("version.version-version-query-use", Kind.BAD_REQUEST,
            "The version '{}' is not a version query ({}): use an exact version (1.2.3), a bounded "
            + "range (1.2.3-2.1.0), a tilde range (~1.2.0) or a caret range (^1.2.0)."),
    // auth
    AUTH_TOO_MANY_LOGINS_BEING("auth.too-many-logins-being", Kind.TOO_MANY_REQUESTS,
            "Too many logins are being checked at once; try again in a moment."),
    AUTH_USER_PASSWORD_INVALID("auth.user-password-invalid", Kind.INVALID_CREDENTIALS,
            "The user or password is invalid."),
    AUTH_USER_LONGER_EXISTS("auth.user-longer-exists", Kind.INVALID_CREDENTIALS,
            "The user no longer exists."),
    AUTH_BODY_MUST_USER_NAME("auth.body-must-user-name", Kind.BAD_REQUEST,
            "The body must be {\"user\": {\"name\": \"…\", \"is_admin\": false}, \"secret\": "
            + "{\"password\": \"…\"}, \"permissions\": [\"search\", …]}."),
    AUTH_OFFSET_WHOLE_NUMBER_0("auth.offset-whole-number-0", Kind.BAD_REQUEST,
            "offset is a whole number from 0 to {}."),
    AUTH_BODY_MUST_ADMIN_FALSE("auth.body-must-admin-false", Kind.BAD_REQUEST,
            "The body must be {\"is_admin\": false, \"permissions\": [\"search\", …]}."),
    AUTH_USER_NAME_1_128("auth.user-name-1-128", Kind.BAD_REQUEST,
            "The user name is 1 to 128 characters."),
    AUTH_USER_NAMED("auth.user-named", Kind.NOT_FOUND,
            "No user named {}."),
    AUTH_LAST_ADMINISTRATOR_MAKE_ANOTHER("auth.last-administrator-make-another", Kind.CONFLICT,
            "This is the last administrator: make another user an administrator first, the registry "
            + "is never left without one."),
    AUTH_BODY_MUST_USER_NAME_ADMIN("auth.body-must-user-name-admin", Kind.BAD_REQUEST,
            "The body must be {\"user\": {\"name\": \"…\", \"is_admin\": …}, \"secret\": "
            + "{\"password\": \"…\"}}."),
    AUTH_USER_NAME_1_128_CHARACTERS("auth.user-name-1-128-characters", Kind.BAD_REQUEST,
            "A user name is 1 to 128 characters: letters, digits and . _ @ + -, starting with a "
            + "letter or digit."),
    AUTH_PASSWORD_CHARACTERS_LONG("auth.password-characters-long", Kind.BAD_REQUEST,
            "A password is {} to {} characters long."),
    AUTH_USER_NAMED_ALREADY_EXISTS("auth.user-named-already-exists", Kind.CONFLICT,
            "A user named {} already exists."),
    AUTH_ADMINISTRATOR_MAY_REMOVE_ANOTHER("auth.administrator-may-remove-another", Kind.NOT_PERMITTED,
            "Only an administrator may remove another user."),
    AUTH_ADMINISTRATOR_MAY("auth.administrator-may", Kind.NOT_PERMITTED,
            "Only an administrator may {}."),
    AUTH_TOO_MANY_FAILED_LOGINS("auth.too-many-failed-logins", Kind.TOO_MANY_REQUESTS,
            "Too many failed logins for this user or from this address; try again in {} s."),
    AUTH_PERMISSIONS_SHAPE("auth.permissions-shape", Kind.BAD_REQUEST,
            "\"permissions\" is a list of \"upload\", \"search\", \"download\"."),
    // blob
    BLOB_ADMINISTRATOR_MAY_SWEEP_BLOB("blob.administrator-may-sweep-blob", Kind.NOT_PERMITTED,
            "Only an administrator may sweep the blob store."),
    BLOB_SWEEP_DID_RUN_TRY("blob.sweep-did-run-try", Kind.UNAVAILABLE,
            "The sweep did not run: {}. Try again shortly."),
    // group
    GROUP_YOU_HOLD_OPEN_TRANSACTIONS("group.you-hold-open-transactions", Kind.TOO_MANY_REQUESTS,
            "You hold {} open transactions, the most one user may; execute one or wait for one to "
            + "expire."),
    GROUP_TRANSACTION_TAKES_MORE_COMMANDS("group.transaction-takes-more-commands", Kind.CONFLICT,
            "Transaction {} is {}; it takes no more commands."),
    GROUP_TRANSACTION_HOLDS_MOST_COMMANDS("group.transaction-holds-most-commands", Kind.BAD_REQUEST,
            "A transaction holds at most {} commands."),
    GROUP_TRANSACTION_ID("group.transaction-id", Kind.NOT_FOUND,
            "No transaction with id {}."),
    GROUP_TRANSACTION_CHANGED_ANOTHER_REQUEST("group.transaction-changed-another-request", Kind.CONFLICT,
            "The transaction was changed by another request at the same time; try again."),
    GROUP_BODY_MUST_JSON_OBJECT("group.body-must-json-object", Kind.BAD_REQUEST,
            "The body must be a JSON object naming its 'command'."),
    GROUP_UNKNOWN_COMMAND_USE_INGEST("group.unknown-command-use-ingest", Kind.BAD_REQUEST,
            "Unknown command '{}': use ingest, update or delete (uploads go to "
            + "/transactions/{id}/uploads/{artifact_type})."),
    GROUP_COMMAND_NEEDS_STRING("group.command-needs-string", Kind.BAD_REQUEST,
            "The command needs '{}' (a string)."),
    GROUP_TRANSACTION_ALREADY_COMMAND_ARTIFACT("group.transaction-already-command-artifact", Kind.CONFLICT,
            "This transaction already has a command for artifact {} (command {})."),
    GROUP_TRANSACTION_ALREADY_REGISTERS_ARTIFACT("group.transaction-already-registers-artifact", Kind.CONFLICT,
            "This transaction already registers an artifact from this source (command {})."),
    GROUP_TRANSACTION_ALREADY_BEEN_EXECUTED("group.transaction-already-been-executed", Kind.CONFLICT,
            "Transaction {} has already been executed ({})."),
    GROUP_TRANSACTION_EXPIRED_WITHOUT_BEING("group.transaction-expired-without-being", Kind.CONFLICT,
            "Transaction {} expired at {} without being executed; begin a new one."),
    GROUP_COMMAND_REFUSED("group.command-refused", Kind.BAD_REQUEST,
            "Command {} ({} of {} {}) was refused, so none took effect: {}"),
    GROUP_REFUSAL_REPEATED("group.refusal-repeated", Kind.BAD_REQUEST,
            "{}"),
    // upload
    UPLOAD_UPLOAD_COULD_STORED("upload.upload-could-stored", Kind.INTERNAL,
            "The upload could not be stored."),
    UPLOAD_MODEL_UPLOAD_MUST_HOLD("upload.model-upload-must-hold", Kind.BAD_REQUEST,
            "A model upload must hold a README.md (the model card) and a config.json or a weights "
            + "file (e.g. model.safetensors) at the root of the zip{}"),
    UPLOAD_DATASET_UPLOAD_MUST_HOLD("upload.dataset-upload-must-hold", Kind.BAD_REQUEST,
            "A dataset upload must hold a README.md (the dataset card) at the root of the zip and at "
            + "least one data file."),
    UPLOAD_CODE_UPLOAD_MUST_HOLD("upload.code-upload-must-hold", Kind.BAD_REQUEST,
            "A code upload must hold at least one source file (e.g. a .py file)."),
    UPLOAD_UPLOAD_ZIP_FILE_END("upload.upload-zip-file-end", Kind.BAD_REQUEST,
            "The upload is not a zip file (no end of central directory record)."),
    UPLOAD_UPLOAD_WELL_FORMED_ZIP("upload.upload-well-formed-zip", Kind.BAD_REQUEST,
            "The upload is not a well-formed zip: {}."),
    UPLOAD_ZIP_MORE_ENTRIES("upload.zip-more-entries", Kind.BAD_REQUEST,
            "The zip has more than {} entries."),
    UPLOAD_UPLOAD_LARGER_BYTES_REGISTRY("upload.upload-larger-bytes-registry", Kind.PAYLOAD_TOO_LARGE,
            "The upload is larger than {} bytes (registry.upload.max-upload-bytes)."),
    UPLOAD_UPLOAD_READABLE_ZIP_FILE("upload.upload-readable-zip-file", Kind.BAD_REQUEST,
            "The upload is not a readable zip file: {}."),
    UPLOAD_ZIP_ENTRY_ENCRYPTED_UPLOAD("upload.zip-entry-encrypted-upload", Kind.BAD_REQUEST,
            "The zip entry '{}' is encrypted; upload it unencrypted."),
    UPLOAD_ZIP_ENTRY_USES_COMPRESSION("upload.zip-entry-uses-compression", Kind.BAD_REQUEST,
            "The zip entry '{}' uses compression method {}; only stored and deflated entries are "
            + "accepted."),
    UPLOAD_ZIP_ENTRY_SYMBOLIC_LINK("upload.zip-entry-symbolic-link", Kind.BAD_REQUEST,
            "The zip entry '{}' is a symbolic link; only files and folders are accepted."),
    UPLOAD_ZIP_ENTRY_SPECIAL_FILE("upload.zip-entry-special-file", Kind.BAD_REQUEST,
            "The zip entry '{}' is a special file (mode {}); only files and folders are accepted."),
    UPLOAD_ZIP_ENTRY_REPARSE_POINT("upload.zip-entry-reparse-point", Kind.BAD_REQUEST,
            "The zip entry '{}' is a reparse point (a link); only files and folders are accepted."),
    UPLOAD_ZIP_ENTRY_NAME_PLAIN("upload.zip-entry-name-plain", Kind.BAD_REQUEST,
            "The zip entry name '{}' is not a plain relative path (no absolute paths, drive letters, "
            + "colons, backslashes, '.' or '..' segments, empty segments or control characters; at "
            + "most 1024 characters)."),
    UPLOAD_ZIP_ENTRIES_SHARE_BYTES("upload.zip-entries-share-bytes", Kind.BAD_REQUEST,
            "The zip entries '{}' and '{}' share bytes (overlapping entries, the shape of a zip "
            + "bomb)."),
    UPLOAD_ZIP_TWO_ENTRIES_NAMED("upload.zip-two-entries-named", Kind.BAD_REQUEST,
            "The zip has two entries named '{}' and '{}' (names must differ by more than case or "
            + "Unicode normalisation)."),
    UPLOAD_ZIP_NAMES_BOTH_FILE("upload.zip-names-both-file", Kind.BAD_REQUEST,
            "The zip names '{}' both as a file and as a folder."),
    UPLOAD_ZIP_ENTRY_INFLATES_MORE("upload.zip-entry-inflates-more", Kind.BAD_REQUEST,
            "The zip entry '{}' inflates to more than {} bytes."),
    UPLOAD_ZIP_S_ENTRIES_INFLATE("upload.zip-s-entries-inflate", Kind.BAD_REQUEST,
            "The zip's entries inflate to more than {} bytes in total."),
    UPLOAD_ZIP_ENTRY_INFLATES_MORE_TIMES("upload.zip-entry-inflates-more-times", Kind.BAD_REQUEST,
            "The zip entry '{}' inflates more than {} times its compressed size (a zip bomb?)."),
    UPLOAD_ZIP_ENTRY_CANNOT_INFLATED("upload.zip-entry-cannot-inflated", Kind.BAD_REQUEST,
            "The zip entry '{}' cannot be inflated: {}."),
    UPLOAD_ZIP_ENTRY_DECLARES_BYTES("upload.zip-entry-declares-bytes", Kind.BAD_REQUEST,
            "The zip entry '{}' declares {} bytes but holds {}."),
    UPLOAD_ZIP_ENTRY_DOES_MATCH("upload.zip-entry-does-match", Kind.BAD_REQUEST,
            "The zip entry '{}' does not match its CRC-32 (the zip is damaged)."),
    UPLOAD_NAME_NEW_VERSION_VERSION("upload.name-new-version-version", Kind.BAD_REQUEST,
            "Name the new version: ?version=X.Y.Z (or a 'version' form field)."),
    UPLOAD_MULTIPART_UPLOAD_NEEDS_ZIP("upload.multipart-upload-needs-zip", Kind.BAD_REQUEST,
            "A multipart upload needs the zip as its 'file' part."),
    UPLOAD_SEND_ZIP_BODY_CONTENT("upload.send-zip-body-content", Kind.BAD_REQUEST,
            "Send the zip as the body (Content-Type: application/zip or application/octet-stream) or "
            + "as the 'file' part of multipart/form-data."),
    UPLOAD_UPLOAD_COULD_READ_END("upload.upload-could-read-end", Kind.BAD_REQUEST,
            "The upload could not be read to its end: the connection failed or the body was cut "
            + "short."),
    UPLOAD_NAME_UPLOAD_NAME_NAME("upload.name-upload-name-name", Kind.BAD_REQUEST,
            "Name the upload: ?name=NAME (or a 'name' form field)."),
    UPLOAD_NAMED_ALREADY_BEEN_UPLOADED("upload.named-already-been-uploaded", Kind.CONFLICT,
            "A {} named '{}' has already been uploaded."),
    // ingest
    INGEST_BLOB_STORE_COULD_READ("ingest.blob-store-could-read", Kind.INTERNAL,
            "The blob store could not be read."),
    INGEST_HUGGINGFACE_ANSWERED_TRY_AGAIN("ingest.huggingface-answered-try-again", Kind.UPSTREAM_UNAVAILABLE,
            "HuggingFace answered {} for {} '{}'; try again later."),
    INGEST_HUGGINGFACE_REVISION("ingest.huggingface-revision", Kind.BAD_REQUEST,
            "HuggingFace {} '{}' has no revision '{}'."),
    INGEST_HUGGINGFACE_FOUND_ID_MAY("ingest.huggingface-found-id-may", Kind.BAD_REQUEST,
            "No HuggingFace {} '{}' was found (the id may be misspelt, or the repository is private "
            + "or was removed)."),
    INGEST_METADATA_HUGGINGFACE_LARGER_MIB("ingest.metadata-huggingface-larger-mib", Kind.BAD_REQUEST,
            "The metadata of HuggingFace {} '{}' is larger than {} MiB."),
    INGEST_HUGGINGFACE_ANSWERED_MALFORMED_METADATA("ingest.huggingface-answered-malformed-metadata", Kind.UPSTREAM_UNAVAILABLE,
            "HuggingFace answered with malformed metadata for {} '{}'."),
    INGEST_HUGGINGFACE_ANSWERED_WHILE_DOWNLOADING("ingest.huggingface-answered-while-downloading", Kind.UPSTREAM_UNAVAILABLE,
            "HuggingFace answered {} while downloading '{}' of '{}'; try again later."),
    INGEST_PACKAGE_MANIFEST_NAMES_UNUSABLE("ingest.package-manifest-names-unusable", Kind.INTERNAL,
            "The package manifest names an unusable path."),
    INGEST_DID_SERVE_CANNOT_DOWNLOADED("ingest.did-serve-cannot-downloaded", Kind.UPSTREAM_UNAVAILABLE,
            "{} did not serve '{}' of {} at {}; it cannot be downloaded now."),
    INGEST_FETCHING_FAILED_TRY_AGAIN("ingest.fetching-failed-try-again", Kind.UPSTREAM_UNAVAILABLE,
            "Fetching '{}' failed; try again."),
    INGEST_STILL_BEING_FETCHED_HUB("ingest.still-being-fetched-hub", Kind.UPSTREAM_UNAVAILABLE,
            "'{}' is still being fetched from the hub; try again later."),
    INGEST_INTERRUPTED_WHILE_WAITING("ingest.interrupted-while-waiting", Kind.UNAVAILABLE,
            "Interrupted while waiting for '{}'."),
    INGEST_PACKAGE_COULD_STORED("ingest.package-could-stored", Kind.INTERNAL,
            "The package could not be stored."),
    INGEST_HUGGINGFACE_ANSWERED_TAGS_TRY("ingest.huggingface-answered-tags-try", Kind.UPSTREAM_UNAVAILABLE,
            "HuggingFace answered {} for the tags of '{}'; try again later."),
    INGEST_HUGGINGFACE_ANSWERED_MALFORMED_REFS("ingest.huggingface-answered-malformed-refs", Kind.UPSTREAM_UNAVAILABLE,
            "HuggingFace answered with malformed refs for '{}'."),
    INGEST_METADATA_GITHUB_REPOSITORY_LARGER("ingest.metadata-github-repository-larger", Kind.BAD_REQUEST,
            "The metadata of GitHub repository '{}' is larger than {} MiB."),
    INGEST_GITHUB_REPOSITORY_FOUND_MAY("ingest.github-repository-found-may", Kind.BAD_REQUEST,
            "No GitHub repository '{}' was found (it may be misspelt, private or removed)."),
    INGEST_GITHUB_ANSWERED_MALFORMED_METADATA("ingest.github-answered-malformed-metadata", Kind.UPSTREAM_UNAVAILABLE,
            "GitHub answered with malformed metadata for '{}'."),
    INGEST_GITHUB_WHILE_FETCHING_TRY("ingest.github-while-fetching-try", Kind.UPSTREAM_UNAVAILABLE,
            "GitHub {} while fetching the {}; try again later."),
    INGEST_ANSWERED_WHILE_DOWNLOADING_TRY("ingest.answered-while-downloading-try", Kind.UPSTREAM_UNAVAILABLE,
            "{} answered {} while downloading '{}'; try again later."),
    INGEST_SERVED_LISTING_DECLARES_NOTHING("ingest.served-listing-declares-nothing", Kind.UPSTREAM_UNAVAILABLE,
            "{} served '{}' with {} than its listing declares; nothing was stored."),
    // registry
    REGISTRY_ADMINISTRATOR_MAY_RESET_REGISTRY("registry.administrator-may-reset-registry", Kind.NOT_PERMITTED,
            "Only an administrator may reset the registry."),
    REGISTRY_FAILED("registry.failed", Kind.INTERNAL,
            "The registry failed to handle this request."),
    // request
    REQUEST_ARTIFACT_MISSING("request.artifact-missing", Kind.NOT_FOUND,
            "Artifact does not exist."),
    REQUEST_BODY_TOO_LARGE("request.body-too-large", Kind.PAYLOAD_TOO_LARGE,
            "The request body is larger than {} bytes."),
    REQUEST_BODY_NOT_JSON("request.body-not-json", Kind.BAD_REQUEST,
            "The request body is missing or is not valid JSON."),
    REQUEST_PARAMETER_MALFORMED("request.parameter-malformed", Kind.BAD_REQUEST,
            "A request parameter is missing or malformed."),
    REQUEST_HEADER_MISSING("request.header-missing", Kind.BAD_REQUEST,
            "Missing header {}."),
    REQUEST_SEND_JSON("request.send-json", Kind.BAD_REQUEST,
            "Send the body as application/json."),
    REQUEST_SEND_MEDIA_TYPE("request.send-media-type", Kind.BAD_REQUEST,
            "Send the body as one of: {}."),
    REQUEST_NOT_ACCEPTABLE("request.not-acceptable", Kind.NOT_ACCEPTABLE,
            "This endpoint answers application/json."),
    REQUEST_METHOD_NOT_ALLOWED("request.method-not-allowed", Kind.METHOD_NOT_ALLOWED,
            "Method {} is not allowed here."),
    REQUEST_TRACE_NOT_ALLOWED("request.trace-not-allowed", Kind.METHOD_NOT_ALLOWED,
            "Method TRACE is not allowed."),
    REQUEST_UPLOAD_TOO_LARGE("request.upload-too-large", Kind.PAYLOAD_TOO_LARGE,
            "The upload is larger than registry.upload.max-upload-bytes allows."),
    REQUEST_MULTIPART_UNREADABLE("request.multipart-unreadable", Kind.BAD_REQUEST,
            "The multipart body could not be read (malformed, cut short, or larger than this "
            + "endpoint accepts)."),
    REQUEST_NO_SUCH_ENDPOINT("request.no-such-endpoint", Kind.NOT_FOUND,
            "No such endpoint."),
    // component
    COMPONENT_UNAVAILABLE("component.unavailable", Kind.UNAVAILABLE,
            "The {} is unavailable, so this request could not be completed; try again shortly "
            + "(/health/components shows '{}')."),
    COMPONENT_DISK_FULL("component.disk-full", Kind.UNAVAILABLE,
            "The {} is unavailable (its disk is full), so this request could not be completed; try again "
            + "shortly (/health/components shows '{}')."),
    // container
    CONTAINER_MALFORMED_REQUEST("container.malformed-request", Kind.BAD_REQUEST,
            "The request could not be read: its request line, path or headers are malformed (an "
            + "encoded '/' or NUL, invalid UTF-8, a path that climbs out with '..', a control "
            + "character in a header) or larger than the registry accepts."),
    CONTAINER_METHOD_NOT_ALLOWED("container.method-not-allowed", Kind.METHOD_NOT_ALLOWED,
            "This method is not allowed here."),
    CONTAINER_REQUEST_TIMEOUT("container.request-timeout", Kind.REQUEST_TIMEOUT,
            "The request took too long to arrive."),
    CONTAINER_LENGTH_REQUIRED("container.length-required", Kind.LENGTH_REQUIRED,
            "Send the body with a Content-Length or chunked."),
    CONTAINER_BODY_TOO_LARGE("container.body-too-large", Kind.PAYLOAD_TOO_LARGE,
            "The request body is larger than the registry accepts."),
    CONTAINER_URI_TOO_LONG("container.uri-too-long", Kind.URI_TOO_LONG,
            "The request's address is longer than the registry accepts."),
    CONTAINER_EXPECTATION_FAILED("container.expectation-failed", Kind.EXPECTATION_FAILED,
            "The expectation in the Expect header cannot be met."),
    CONTAINER_HEADERS_TOO_LARGE("container.headers-too-large", Kind.HEADERS_TOO_LARGE,
            "The request's headers are larger than the registry accepts."),
    CONTAINER_NOT_IMPLEMENTED("container.not-implemented", Kind.NOT_IMPLEMENTED,
            "This method or transfer encoding is not supported."),
    CONTAINER_HTTP_VERSION("container.http-version", Kind.HTTP_VERSION_NOT_SUPPORTED,
            "This HTTP version is not supported."),
    CONTAINER_REFUSED("container.refused", Kind.BAD_REQUEST,
            "The request was refused.");

    private static final String HOLE = "{}";

    private final String id;
    private final Kind kind;
    private final String template;
    private final int arity;

    ErrorMessage(String id, Kind kind, String template) {
        this.id = id;
        this.kind = kind;
        this.template = template;
        int holes = 0;
        for (int at = template.indexOf(HOLE); at >= 0; at = template.indexOf(HOLE, at + HOLE.length())) {
            holes++;
        }
        this.arity = holes;
    }

    /** The stable id (feature, then what went wrong), e.g. {@code artifact.no-artifact-with-id}. */
    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public String template() {
        return template;
    }

    /** How many arguments the template takes. */
    public int arity() {
        return arity;
    }

    /** The text with each {@code {}} replaced, in order, by the next argument. */
    public String render(Object... args) {
        if (args.length != arity) {
            throw new IllegalArgumentException(
                    id + " takes " + arity + " argument(s), got " + args.length);
        }
        StringBuilder out = new StringBuilder(template.length() + 32 * arity);
        int from = 0;
        for (Object arg : args) {
            int at = template.indexOf(HOLE, from);
            out.append(template, from, at).append(arg);
            from = at + HOLE.length();
        }
        return out.append(template, from, template.length()).toString();
    }

    public RegistryException exception(Object... args) {
        return new RegistryException(this, null, args);
    }

    public RegistryException exceptionCausedBy(Throwable cause, Object... args) {
        return new RegistryException(this, cause, args);
    }
}
