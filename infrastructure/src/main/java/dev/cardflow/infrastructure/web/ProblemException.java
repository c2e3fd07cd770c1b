package dev.cardflow.infrastructure.web;

import org.springframework.http.HttpHeaders;

/**
 * A refusal raised by the web layer itself (outside any command handler), carried to
 * {@link ProblemResponses} with its problem and any headers the answer needs.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final transient HttpHeaders headers;

    public ProblemException(Problem problem) {
        this(problem, HttpHeaders.EMPTY);
    }

    public ProblemException(Problem problem, HttpHeaders headers) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = headers;
    }

    public Problem problem() {
        return problem;
    }

    public HttpHeaders headers() {
        return headers;
    }

    public static ProblemException badRequest(String code, String detail) {
        return new ProblemException(Problem.of(400, code, "Invalid request", detail));
    }

    public static ProblemException notFound(String code, String detail) {
        return new ProblemException(Problem.of(404, code, "Not found", detail));
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(Problem.of(409, code, "Conflict", detail));
    }
}
