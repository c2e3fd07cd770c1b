package dev.cardflow.platform.api;

import dev.cardflow.platform.api.ApiOperations.Operation;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns what springdoc reads off the controllers into the API as it answers: each operation's name, security
 * scheme, success status with its headers, and every refusal as {@code application/problem+json} with its problem
 * codes ({@link ApiOperations}); the shared {@code Problem} schema; the operator-alert webhook cardflow sends.
 */
final class ApiDescription implements OpenApiCustomizer {

    static final String OPERATOR_SCHEME = "operator";
    static final String ORDER_TOKEN_SCHEME = "orderToken";
    static final String METRICS_SCHEME = "metrics";
    static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM = "Problem";

    /** Answers every operation may give, besides its own. */
    private static final Answer INTERNAL_ERROR = Answer.refusal(500, "A fault on the platform's side: the problem "
            + "carries a traceId that names the request in the logs", "internal-error");

    @Override
    public void customise(OpenAPI api) {
        api.info(new Info().title("cardflow").version("2").description("""
                The HTTP API of a cardflow shop. Every refusal is `application/problem+json` (RFC 9457) whose `type` \
                is `/problems/<code>`. Buyers read an order with its access token (the `accessToken` of the \
                placement's answer) as a bearer token; operators authenticate with HTTP Basic; `/actuator/prometheus` \
                takes the `metrics` user."""));
        Components components = api.getComponents() != null ? api.getComponents() : new Components();
        api.components(components);
        components.addSecuritySchemes(OPERATOR_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("basic").description("An operator account (the bootstrap `admin`, or one made with "
                        + "createOperator). OPERATOR may read and run the order compensations; ADMIN everything."));
        components.addSecuritySchemes(ORDER_TOKEN_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").description("The order's `accessToken` from placeOrder. A wrong or missing token "
                        + "answers 404 order-not-found (an order's existence is not revealed); old links may carry "
                        + "it as `?token=` instead."));
        components.addSecuritySchemes(METRICS_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("basic").description("The `metrics` user (CARDFLOW_METRICS_PASSWORD), for "
                        + "`/actuator/prometheus` and nothing else."));
        components.addHeaders("Location", header("Where the created resource is read"));
        components.addHeaders("ETag", header("The representation's version; send it as If-None-Match"));
        components.addHeaders("Cache-Control", header("How long the answer may be kept"));
        components.addHeaders("Retry-After", new Header().description("Seconds to wait before trying again")
                .schema(new IntegerSchema()));
        if (api.getPaths() == null) {
            return;
        }
        TreeSet<String> codes = new TreeSet<>(List.of("invalid-request", "payload-too-large", "unauthorized",
                "forbidden", "cross-site-request", "not-found", "method-not-allowed", "unsupported-media-type",
                "not-acceptable", "too-many-requests", "non-normal-path"));
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                ApiOperations.find(method.name(), path).ifPresent(described -> {
                    describe(operation, described);
                    operation.getResponses().values().forEach(r -> codes.addAll(problemCodes(r)));
                })));
        components.addSchemas(PROBLEM, problemSchema(codes));
        if (api.getPaths().keySet().stream().anyMatch(p -> p.startsWith("/admin/api"))) {
            addMetrics(api);
            api.addWebhooks("operatorAlert", operatorAlertWebhook());
        }
    }

    private void describe(io.swagger.v3.oas.models.Operation operation, Operation described) {
        operation.operationId(described.operationId()).summary(described.summary()).tags(List.of(tag(described.path())));
        if (operation.getParameters() != null) {
            // the token travels as the security scheme says, not as a parameter of each operation
            operation.getParameters().removeIf(p -> "header".equals(p.getIn())
                    && "Authorization".equalsIgnoreCase(p.getName()));
            operation.getParameters().stream().filter(p -> "token".equals(p.getName()) && "query".equals(p.getIn()))
                    .forEach(p -> p.deprecated(true).description("The access token in the URL, for old links; "
                            + "prefer the bearer token"));
        }
        switch (described.access()) {
            case ORDER_TOKEN -> operation.security(List.of(new SecurityRequirement().addList(ORDER_TOKEN_SCHEME)));
            case OPERATOR, ADMIN -> operation.security(List.of(new SecurityRequirement().addList(OPERATOR_SCHEME)));
            case PUBLIC, PROVIDER -> operation.security(List.of());
        }
        Content success = successContent(operation.getResponses());
        ApiResponses responses = new ApiResponses();
        for (Answer answer : answers(operation, described)) {
            ApiResponse response = responses.get(Integer.toString(answer.status()));
            if (response == null) {
                response = new ApiResponse().description(answer.description());
                responses.addApiResponse(Integer.toString(answer.status()), response);
            } else {
                response.description(response.getDescription() + "; " + answer.description());
            }
            for (String name : answer.headers()) {
                response.addHeaderObject(name, new Header().$ref("#/components/headers/" + name));
            }
            if (answer.isRefusal()) {
                addProblems(response, answer);
            } else if (answer.status() != 204 && answer.status() != 304 && success != null) {
                response.content(success);
            }
        }
        operation.responses(responses);
        ApiExamples.add(described.operationId(), operation);
    }

    /** Operations group by what they are about: the first segment after the API's root, e.g. Orders, PaymentMethods. */
    private static String tag(String path) {
        String first = path.replaceFirst("^/(admin/)?api/", "").split("/")[0];
        StringBuilder tag = new StringBuilder();
        for (String word : first.split("-")) {
            tag.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return tag.toString();
    }

    /** The operation's own answers, then those its access, its body and every request may meet. */
    private static List<Answer> answers(io.swagger.v3.oas.models.Operation operation, Operation described) {
        List<Answer> answers = new ArrayList<>(described.answers());
        if (operation.getRequestBody() != null) {
            answers.add(Answer.refusal(400, "The body is not valid JSON for this operation", "invalid-request"));
            answers.add(Answer.refusal(413, "The body is larger than allowed", "payload-too-large"));
        }
        switch (described.access()) {
            case ORDER_TOKEN -> {
                answers.add(Answer.refusal(404, "No such order for this token", "order-not-found"));
                answers.add(Answer.refusal(429, "Too many look-ups with a wrong token from this client",
                        "rate-limited"));
            }
            case OPERATOR, ADMIN -> {
                answers.add(Answer.refusal(401, "No or wrong operator credentials", "unauthorized"));
                answers.add(Answer.refusal(429, "Too many failed logins from this client", "too-many-requests"));
                if (described.access() == Access.ADMIN) {
                    answers.add(Answer.refusal(403, "The account is not an ADMIN", "forbidden"));
                }
                if (!"GET".equals(described.method())) {
                    answers.add(Answer.refusal(403, "A change sent by another site's page", "cross-site-request"));
                }
            }
            case PUBLIC, PROVIDER -> {
            }
        }
        answers.add(INTERNAL_ERROR);
        answers.sort(java.util.Comparator.comparingInt(Answer::status));
        return answers;
    }

    /** What springdoc found the method to answer (under its default 200), to be moved to the real status. */
    private static Content successContent(ApiResponses responses) {
        if (responses == null) {
            return null;
        }
        return responses.entrySet().stream().filter(e -> e.getKey().startsWith("2"))
                .map(e -> e.getValue().getContent()).filter(c -> c != null && !c.isEmpty()).findFirst().orElse(null);
    }

    private static void addProblems(ApiResponse response, Answer answer) {
        MediaType media = response.getContent() != null ? response.getContent().get(PROBLEM_JSON) : null;
        if (media == null) {
            media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
            response.content(new Content().addMediaType(PROBLEM_JSON, media));
        }
        for (String code : answer.problems()) {
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("type", "/problems/" + code);
            example.put("title", title(answer.status()));
            example.put("status", answer.status());
            example.put("detail", answer.description() + ".");
            media.addExamples(code, new Example().summary(code).value(example));
        }
    }

    private static List<String> problemCodes(ApiResponse response) {
        if (response.getContent() == null || response.getContent().get(PROBLEM_JSON) == null
                || response.getContent().get(PROBLEM_JSON).getExamples() == null) {
            return List.of();
        }
        return List.copyOf(response.getContent().get(PROBLEM_JSON).getExamples().keySet());
    }

    private static Schema<?> problemSchema(TreeSet<String> codes) {
        StringSchema type = new StringSchema();
        type.description("`/problems/<code>`: what kind of refusal it is; clients branch on it");
        codes.forEach(code -> type.addEnumItem("/problems/" + code));
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema()).addProperty("message", new StringSchema());
        ObjectSchema problem = new ObjectSchema();
        problem.description("An RFC 9457 problem");
        problem.addProperty("type", type);
        problem.addProperty("title", new StringSchema().description("A short summary of the kind"));
        problem.addProperty("status", new IntegerSchema().description("The HTTP status"));
        problem.addProperty("detail", new StringSchema().description("What went wrong with this request"));
        problem.addProperty("errors", new ArraySchema().items(fieldError)
                .description("For an invalid field: which, and why"));
        problem.addProperty("traceId", new StringSchema().description("For a 500: the request's trace id in the logs"));
        problem.required(List.of("type", "title", "status"));
        return problem;
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 429 -> "Too Many Requests";
            default -> "Internal Server Error";
        };
    }

    private static Header header(String description) {
        return new Header().description(description).schema(new StringSchema());
    }

    /** The Prometheus scrape, which Spring Boot's actuator serves outside the controllers. */
    private static void addMetrics(OpenAPI api) {
        ApiResponses responses = new ApiResponses()
                .addApiResponse("200", new ApiResponse().description("The metrics in Prometheus' text format")
                        .content(new Content().addMediaType("text/plain", new MediaType().schema(new StringSchema()))))
                .addApiResponse("401", new ApiResponse().description("No or wrong credentials"))
                .addApiResponse("403", new ApiResponse().description("An account without access to metrics"));
        api.getPaths().addPathItem("/actuator/prometheus", new PathItem().get(new io.swagger.v3.oas.models.Operation()
                .operationId("scrapeMetrics").summary("The platform's metrics for Prometheus")
                .security(List.of(new SecurityRequirement().addList(METRICS_SCHEME),
                        new SecurityRequirement().addList(OPERATOR_SCHEME)))
                .responses(responses)));
    }

    /** What cardflow posts to CARDFLOW_ALERT_WEBHOOK_URL when something needs an operator. */
    private static PathItem operatorAlertWebhook() {
        ObjectSchema alert = new ObjectSchema();
        alert.addProperty("kind", new StringSchema()._enum(List.of("order-stuck", "order-refunded", "refund-failed",
                "circuit-open", "unmatched-payment", "low-stock", "dead-letter")));
        alert.addProperty("severity", new StringSchema()._enum(List.of("info", "warning", "critical")));
        alert.addProperty("subject", new StringSchema().description("What it is about, e.g. order-<id>"));
        alert.addProperty("message", new StringSchema());
        alert.addProperty("at", new StringSchema().format("date-time"));
        alert.addProperty("link", new StringSchema().description("The console page to act on it"));
        var body = new io.swagger.v3.oas.models.parameters.RequestBody().required(true)
                .content(new Content().addMediaType("application/json", new MediaType().schema(alert)));
        return new PathItem().post(new io.swagger.v3.oas.models.Operation().operationId("operatorAlert")
                .summary("An operator alert, posted to CARDFLOW_ALERT_WEBHOOK_URL; any 2xx counts as delivered, "
                        + "anything else is retried with a doubling wait")
                .requestBody(body)
                .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("Delivered"))));
    }
}
