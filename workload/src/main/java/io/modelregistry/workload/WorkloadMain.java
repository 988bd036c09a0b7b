package io.modelregistry.workload;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The workload from the command line, against a registry that is already running:
 * <pre>
 * java -cp workload.jar:jackson…:HdrHistogram… io.modelregistry.workload.WorkloadMain \
 *     --url http://127.0.0.1:8080 [--user NAME --password SECRET] [--models 500] [--clients 100] [--downloads 2]
 *     [--rounds 1] [--seed-threads 4] [--min-bytes 2048] [--max-bytes 2097152] [--max-seconds 1800]
 *     [--source https://huggingface.co/arnir0/Tiny-LLM] [--file model.safetensors] [--nginx] [--server-pid PID]
 *     [--out result.json]
 * </pre>
 * Credentials default to the default administrator's. Prints the result JSON (and writes it to {@code --out}); the
 * exit status is 0 only when the run succeeded with no error.
 */
public final class WorkloadMain {

    public static final String DEFAULT_ADMIN = "ece30861defaultadminuser";
    public static final String DEFAULT_ADMIN_PASSWORD =
            "correcthorsebatterystaple123(!__+@**(A'\"`;DROP TABLE artifacts;";

    private WorkloadMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String key = args[i].substring(2);
            options.put(key, key.equals("nginx") ? "true" : args[++i]);
        }
        WorkloadParameters defaults = WorkloadParameters.defaults();
        WorkloadParameters parameters = new WorkloadParameters(
                integer(options, "models", defaults.models()),
                integer(options, "seed-threads", defaults.seedThreads()),
                Long.parseLong(options.getOrDefault("min-bytes", Long.toString(defaults.minModelBytes()))),
                Long.parseLong(options.getOrDefault("max-bytes", Long.toString(defaults.maxModelBytes()))),
                integer(options, "clients", defaults.clients()),
                integer(options, "downloads", defaults.downloadsPerClient()),
                integer(options, "rounds", defaults.rounds()),
                Duration.ofSeconds(integer(options, "max-seconds", (int) defaults.maxDuration().toSeconds())),
                options.getOrDefault("source", defaults.sourceUrl()),
                Boolean.parseBoolean(options.getOrDefault("nginx", "false")),
                Long.parseLong(options.getOrDefault("seed", Long.toString(defaults.seed()))),
                options.getOrDefault("file", defaults.file()));
        String url = options.getOrDefault("url", "http://127.0.0.1:8080");
        ServerProbe probe = options.containsKey("server-pid")
                ? ServerProbe.process(Long.parseLong(options.get("server-pid"))) : ServerProbe.none();
        Map<String, Object> result = run(parameters, url, options.getOrDefault("user", DEFAULT_ADMIN),
                options.getOrDefault("password", DEFAULT_ADMIN_PASSWORD), probe);
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result);
        System.out.println(json);
        if (options.containsKey("out")) {
            Files.writeString(Path.of(options.get("out")), json);
        }
        System.exit("succeeded".equals(result.get("state")) ? 0 : 1);
    }

    /** One run against the registry at {@code url}, logged in as {@code user}. */
    public static Map<String, Object> run(WorkloadParameters parameters, String url, String user, String password,
                                          ServerProbe probe) {
        HttpClient http = Workload.httpClient(8);
        RegistryApi api = new RegistryApi(http, url, RegistryApi.login(http, url, user, password));
        return new Workload(parameters, api, http, probe).run();
    }

    private static int integer(Map<String, String> options, String key, int fallback) {
        return Integer.parseInt(options.getOrDefault(key, Integer.toString(fallback)));
    }
}
