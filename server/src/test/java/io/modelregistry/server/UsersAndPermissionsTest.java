package io.modelregistry.server;

import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelregistry.api.auth.Permission;
import io.modelregistry.api.rest.Access;
import io.modelregistry.api.rest.Requires;
import io.modelregistry.server.security.PermissionInterceptor;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.RegistryClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Users and permissions over HTTP: every endpoint declares what it requires and is refused to every caller without
 * it (the matrix), tokens are counted exactly under concurrency and revoked on removal and on a lost permission,
 * failed logins back off with 429, and the user endpoints answer as the extension document says.
 */
class UsersAndPermissionsTest extends InProcessRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "matrix password 123";
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}/]+)}");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private RegistryClient admin;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** The matrix's callers: each permission alone, none, all three without the admin flag, the flag alone. */
    private record Profile(String name, boolean admin, Set<Permission> permissions) {
    }

    private static final List<Profile> PROFILES = List.of(
            new Profile("m-none", false, Set.of()),
            new Profile("m-upload", false, Set.of(Permission.UPLOAD)),
            new Profile("m-search", false, Set.of(Permission.SEARCH)),
            new Profile("m-download", false, Set.of(Permission.DOWNLOAD)),
            new Profile("m-all-but-admin", false, Permission.all()),
            new Profile("m-admin-only", true, Set.of()));

    @BeforeEach
    void resetRegistry() {
        admin = freshRegistry(exchange -> { });
    }

    private HttpExchange register(String name, boolean isAdmin, Set<Permission> permissions, String password) {
        return admin.post("/users", registration(name, isAdmin, permissions, password));
    }

    private static String registration(String name, boolean isAdmin, Set<Permission> permissions, String password) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("user").put("name", name).put("is_admin", isAdmin);
        body.putObject("secret").put("password", password);
        var list = body.putArray("permissions");
        permissions.stream().sorted().map(Permission::wireName).forEach(list::add);
        return body.toString();
    }

    private static String grants(boolean isAdmin, Set<Permission> permissions) {
        ObjectNode body = JSON.createObjectNode().put("is_admin", isAdmin);
        var list = body.putArray("permissions");
        permissions.stream().sorted().map(Permission::wireName).forEach(list::add);
        return body.toString();
    }

    private RegistryClient loggedIn(String name, String password) {
        RegistryClient client = new RegistryClient("http://127.0.0.1:" + port, exchange -> { });
        assertThat(client.login(name, password).status()).as("login of %s", name).isEqualTo(200);
        return client;
    }

    private Map<Profile, RegistryClient> matrixUsers() {
        admin.loginAsAdmin();
        Map<Profile, RegistryClient> clients = new LinkedHashMap<>();
        for (Profile profile : PROFILES) {
            int status = register(profile.name(), profile.admin(), profile.permissions(), PASSWORD).status();
            assertThat(status).isIn(201, 409);
            clients.put(profile, loggedIn(profile.name(), PASSWORD));
        }
        return clients;
    }

    // --- every endpoint declares what it requires --------------------------------------------------------------

    private List<Map.Entry<RequestMappingInfo, HandlerMethod>> endpoints() {
        List<Map.Entry<RequestMappingInfo, HandlerMethod>> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!ErrorController.class.isAssignableFrom(method.getBeanType())) {
                endpoints.add(Map.entry(info, method));
            }
        });
        // the reset last: it removes the matrix's users, which are then registered again
        endpoints.sort(Comparator.comparing((Map.Entry<RequestMappingInfo, HandlerMethod> e) ->
                e.getKey().getPatternValues().contains("/reset")).thenComparing(e -> e.getKey().toString()));
        return endpoints;
    }

    @Test
    void everyRequestMappingDeclaresWhatItRequiresWithRequires() {
        List<String> undeclared = new ArrayList<>();
        for (var endpoint : endpoints()) {
            if (endpoint.getValue().getMethodAnnotation(Requires.class) == null) {
                undeclared.add(endpoint.getKey() + " -> " + endpoint.getValue().getShortLogMessage());
            }
        }
        assertThat(endpoints()).as("the registry's endpoints were found").hasSizeGreaterThan(30);
        assertThat(undeclared).as("handlers without @Requires(Access.…): add one beside the mapping").isEmpty();
    }

    @Test
    void everyEndpointRefusesEveryCallerWithoutItsPermissionAndLetsEveryCallerWithItThrough() throws Exception {
        Map<Profile, RegistryClient> users = matrixUsers();
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (var endpoint : endpoints()) {
            Access access = endpoint.getValue().getMethodAnnotation(Requires.class).value();
            RequestMappingInfo info = endpoint.getKey();
            String path = concrete(info.getPatternValues().iterator().next());
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            String contentType = info.getConsumesCondition().getConsumableMediaTypes().stream().findFirst()
                    .map(Object::toString).orElse("application/json");
            for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                for (Profile profile : PROFILES) {
                    boolean allowed = access.allows(profile.admin(), profile.permissions());
                    var answer = send(method.name(), path, contentType, users.get(profile).token());
                    cells++;
                    boolean refusedByCheck = answer.statusCode() == 401
                            && message(answer).startsWith("This needs ");
                    String cell = method + " " + path + " as " + profile.name() + " (" + access + "): "
                            + answer.statusCode() + " " + message(answer);
                    // the token filter's refusal (a handler's own 403, e.g. an unsigned download link, is not one)
                    boolean refusedToken = answer.statusCode() == 403
                            && message(answer).startsWith("Authentication failed");
                    if (allowed && (refusedByCheck || refusedToken)) {
                        wrong.add("refused but allowed: " + cell);
                    }
                    // a HEAD answer has no body to carry the check's message: its 401 is the refusal
                    boolean headRefused = method == RequestMethod.HEAD && answer.statusCode() == 401;
                    if (!allowed && !headRefused
                            && !(refusedByCheck && message(answer).equals(PermissionInterceptor.refusal(access)))) {
                        wrong.add("let through but not allowed: " + cell);
                    }
                    if (path.equals("/reset") && answer.statusCode() == 200) {
                        users = matrixUsers();
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(cells).isGreaterThanOrEqualTo(endpoints().size() * PROFILES.size());
    }

    @Test
    void withoutATokenEveryEndpointButThePublicOnesIs403AndTheHubRoutes401() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (var endpoint : endpoints()) {
            Access access = endpoint.getValue().getMethodAnnotation(Requires.class).value();
            if (access == Access.PUBLIC) {
                continue;
            }
            String path = concrete(endpoint.getKey().getPatternValues().iterator().next());
            for (RequestMethod method : endpoint.getKey().getMethodsCondition().getMethods()) {
                int status = send(method.name(), path, "application/json", null).statusCode();
                // the HuggingFace-compatible routes answer an anonymous caller as the Hub does (ADR 0081)
                int expected = path.startsWith("/hf/") || path.equals("/hf") ? 401 : 403;
                if (status != expected) {
                    wrong.add(method + " " + path + ": " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static String concrete(String pattern) {
        Matcher m = PATH_VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "artifact_type" -> "model";
                case "name" -> "matrix-nobody";
                default -> "0";
            };
            m.appendReplacement(path, value);
        }
        m.appendTail(path);
        return path.toString();
    }

    private HttpResponse<String> send(String method, String path, String contentType, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(120))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Content-Type", contentType);
        if (token != null) {
            request.header("X-Authorization", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String message(HttpResponse<String> answer) {
        try {
            var node = JSON.readTree(answer.body());
            return node != null && node.has("message") ? node.get("message").asText() : "";
        } catch (Exception notJson) {
            return "";
        }
    }

    // --- tokens ------------------------------------------------------------------------------------------------

    @Test
    void ofTwentyConcurrentClientsSharingATokenExactlyOneThousandCallsSucceed() throws Exception {
        assertThat(register("t-counted", false, Set.of(Permission.SEARCH), PASSWORD).status()).isEqualTo(201);
        String token = loggedIn("t-counted", PASSWORD).token();
        var threads = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<int[]>> results = new ArrayList<>();
            for (int t = 0; t < 20; t++) {
                results.add(threads.submit((Callable<int[]>) () -> {
                    start.await();
                    int ok = 0;
                    int refused = 0;
                    for (int i = 0; i < 55; i++) {
                        int status = send("GET", "/users/me", "application/json", token).statusCode();
                        if (status == 200) {
                            ok++;
                        } else if (status == 403) {
                            refused++;
                        }
                    }
                    return new int[] {ok, refused};
                }));
            }
            start.countDown();
            int ok = 0;
            int refused = 0;
            for (Future<int[]> result : results) {
                int[] counts = result.get(10, TimeUnit.MINUTES);
                ok += counts[0];
                refused += counts[1];
            }
            assertThat(ok).as("1100 calls on one token").isEqualTo(1000);
            assertThat(refused).isEqualTo(100);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void removingAUserRevokesItsTokensAndItsPasswordStopsWorking() {
        register("r-gone", false, Set.of(Permission.SEARCH), PASSWORD);
        RegistryClient gone = loggedIn("r-gone", PASSWORD);
        assertThat(gone.get("/users/me").status()).isEqualTo(200);
        assertThat(admin.delete("/users/r-gone").status()).isEqualTo(204);
        assertThat(gone.get("/users/me").status()).isEqualTo(403);
        assertThat(gone.login("r-gone", PASSWORD).status()).isEqualTo(401);
        assertThat(admin.delete("/users/r-gone").status()).isEqualTo(404);
    }

    @Test
    void aUserMayRemoveItselfButNotAnotherUser() {
        register("r-self", false, Set.of(), PASSWORD);
        register("r-other", false, Set.of(), PASSWORD);
        RegistryClient self = loggedIn("r-self", PASSWORD);
        HttpExchange refused = self.delete("/users/r-other");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(json(refused).get("message").asText()).contains("administrator");
        assertThat(self.delete("/users/r-self").status()).isEqualTo(204);
        assertThat(admin.get("/users").text()).contains("r-other").doesNotContain("r-self");
    }

    @Test
    void losingAPermissionRevokesEveryTokenOfTheUserWhileGainingOneKeepsThem() {
        register("p-user", false, Set.of(Permission.SEARCH, Permission.DOWNLOAD), PASSWORD);
        RegistryClient first = loggedIn("p-user", PASSWORD);
        RegistryClient second = loggedIn("p-user", PASSWORD);
        assertThat(admin.put("/users/p-user/permissions", grants(false, Set.of(Permission.SEARCH))).status())
                .isEqualTo(200);
        assertThat(first.get("/users/me").status()).isEqualTo(403);
        assertThat(second.post("/artifacts", "[{\"name\":\"*\"}]").status()).isEqualTo(403);
        RegistryClient again = loggedIn("p-user", PASSWORD);
        assertThat(again.post("/artifacts", "[{\"name\":\"*\"}]").status()).isEqualTo(200);
        HttpExchange noDownload = again.get("/artifacts/model/0");
        assertThat(noDownload.status()).isEqualTo(401);
        assertThat(json(noDownload).get("message").asText()).isEqualTo("This needs the 'download' permission.");
        // a gain revokes nothing and applies from the next request
        assertThat(admin.put("/users/p-user/permissions", grants(false, Permission.all())).status()).isEqualTo(200);
        assertThat(again.get("/artifacts/model/0").status()).isNotIn(401, 403);
        assertThat(json(again.get("/users/me")).get("permissions").toString())
                .isEqualTo("[\"upload\",\"search\",\"download\"]");
    }

    // --- administrators ----------------------------------------------------------------------------------------

    @Test
    void theLastAdministratorCanNeitherBeRemovedNorDemotedButAnotherAdministratorMakesBothPossible() {
        HttpExchange lastRemoval = admin.delete("/users/" + RegistryClient.ADMIN);
        assertThat(lastRemoval.status()).isEqualTo(409);
        assertThat(json(lastRemoval).get("message").asText()).contains("last administrator");
        assertThat(admin.put("/users/" + RegistryClient.ADMIN + "/permissions", grants(false, Permission.all()))
                .status()).isEqualTo(409);
        assertThat(register("a-second", true, Set.of(), PASSWORD).status()).isEqualTo(201);
        assertThat(admin.delete("/users/" + RegistryClient.ADMIN).status()).isEqualTo(204);
        // the well-known password opens nothing while another administrator exists
        assertThat(new RegistryClient("http://127.0.0.1:" + port, e -> { }).loginAsAdmin().status()).isEqualTo(401);
        RegistryClient second = loggedIn("a-second", PASSWORD);
        assertThat(second.delete("/users/a-second").status()).as("now the last one").isEqualTo(409);
        // a reset restores the default admin
        assertThat(second.delete("/reset").status()).isEqualTo(200);
        assertThat(new RegistryClient("http://127.0.0.1:" + port, e -> { }).loginAsAdmin().status()).isEqualTo(200);
    }

    @Test
    void aResetRemovesRegisteredUsersButKeepsTheCallerAndRestoresTheDefaultAdmin() {
        register("a-resetter", true, Set.of(), PASSWORD);
        register("u-bystander", false, Set.of(Permission.SEARCH), PASSWORD);
        RegistryClient bystander = loggedIn("u-bystander", PASSWORD);
        RegistryClient resetter = loggedIn("a-resetter", PASSWORD);
        assertThat(admin.delete("/users/" + RegistryClient.ADMIN).status()).isEqualTo(204);
        assertThat(resetter.delete("/reset").status()).isEqualTo(200);
        assertThat(resetter.get("/users/me").status()).as("the caller keeps its token").isEqualTo(200);
        assertThat(bystander.get("/users/me").status()).isEqualTo(403);
        assertThat(bystander.login("u-bystander", PASSWORD).status()).isEqualTo(401);
        RegistryClient restored = new RegistryClient("http://127.0.0.1:" + port, e -> { });
        assertThat(restored.loginAsAdmin().status()).isEqualTo(200);
        assertThat(json(restored.get("/users")).findValuesAsText("name"))
                .containsExactly("a-resetter", RegistryClient.ADMIN);
    }

    // --- registration policy -----------------------------------------------------------------------------------

    @Test
    void registrationEnforcesThePasswordLengthTheNameShapeAndKnownPermissionsAndIsForAdministratorsOnly() {
        assertThat(register("n-short", false, Set.of(), "eleven char").status()).isEqualTo(400);
        assertThat(register("n-long", false, Set.of(), "x".repeat(257)).status()).isEqualTo(400);
        assertThat(register("n-twelve", false, Set.of(), "twelve chars").status()).isEqualTo(201);
        assertThat(register("n-twelve", false, Set.of(), "twelve chars").status()).isEqualTo(409);
        assertThat(register("bad name", false, Set.of(), PASSWORD).status()).isEqualTo(400);
        assertThat(admin.post("/users", registration("n-perm", false, Set.of(), PASSWORD)
                .replace("\"permissions\":[]", "\"permissions\":[\"delete\"]")).status()).isEqualTo(400);
        HttpExchange noBody = admin.post("/users", "{}");
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(json(noBody).get("message").asText()).contains("permissions");
        RegistryClient twelve = loggedIn("n-twelve", "twelve chars");
        assertThat(twelve.post("/users", registration("n-sneaky", true, Permission.all(), PASSWORD)).status())
                .isEqualTo(401);
    }

    // --- passwords and back-off --------------------------------------------------------------------------------

    @Test
    void theDefaultAdminsPasswordWithItsQuotesAndBacktickLogsInAsTheContractExampleSendsIt() throws Exception {
        // the body exactly as the contract's example, escaped by hand: a double quote, a single quote, a backtick
        String body = "{\"user\":{\"name\":\"ece30861defaultadminuser\",\"is_admin\":true},"
                + "\"secret\":{\"password\":\"correcthorsebatterystaple123(!__+@**(A'\\\"`;DROP TABLE artifacts;\"}}";
        var answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/authenticate"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).asText()).startsWith("bearer ");
    }

    @Test
    void repeatedFailedLoginsForOneNameAreAnswered429WithRetryAfterAndAJsonMessage() {
        RegistryClient guesser = new RegistryClient("http://127.0.0.1:" + port, e -> { });
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.login("b-victim-that-does-not-exist", "guess number " + i).status()).isEqualTo(401);
        }
        HttpExchange refused = guesser.login("b-victim-that-does-not-exist", "guess number 6");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 900L);
        assertThat(refused.header("Content-Type")).startsWith("application/json");
        assertThat(json(refused).get("message").asText()).contains("Too many failed logins");
        // another name from the same address is not held back by this one
        assertThat(guesser.loginAsAdmin().status()).isEqualTo(200);
    }

    // --- the extension document --------------------------------------------------------------------------------

    @Test
    void theUserEndpointsAnswerAsTheExtensionDocumentSays() {
        List<HttpExchange> exchanges = new ArrayList<>();
        String body = registration("d-doc", false, EnumSet.of(Permission.SEARCH), PASSWORD);
        exchanges.add(admin.post("/users", body));
        exchanges.add(admin.get("/users"));
        exchanges.add(admin.put("/users/d-doc/permissions", grants(true, Set.of(Permission.DOWNLOAD))));
        exchanges.add(admin.get("/users/me"));
        exchanges.add(admin.delete("/users/d-doc"));
        assertThat(exchanges).extracting(HttpExchange::status).containsExactly(201, 200, 200, 200, 204);
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForSpecificationUrl(
                getClass().getClassLoader().getResource("openapi/registry-extensions.yaml").toString()).build();
        List<String> violations = new ArrayList<>();
        for (HttpExchange exchange : exchanges) {
            var request = new SimpleRequest.Builder(Request.Method.valueOf(exchange.method()), exchange.path())
                    .withHeader("X-Authorization", exchange.token());
            if (exchange.requestBody() != null) {
                request.withContentType("application/json").withBody(exchange.requestBody());
            }
            var response = SimpleResponse.Builder.status(exchange.status());
            if (exchange.body().length > 0) {
                response.withContentType("application/json").withBody(exchange.text());
            }
            validator.validate(request.build(), response.build()).getMessages().stream()
                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .forEach(m -> violations.add(exchange.method() + " " + exchange.path() + ": " + m.getMessage()));
        }
        assertThat(violations).isEmpty();
    }
}
