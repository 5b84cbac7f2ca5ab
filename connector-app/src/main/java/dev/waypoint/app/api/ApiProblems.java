package dev.waypoint.app.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.waypoint.core.engine.NotFoundException;
import dev.waypoint.core.engine.UnmappedSignalException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every refusal of the API into an RFC 9457 problem body ({@code application/problem+json})
 * that names the field and the reason. Anything a client sent wrong is a 4xx; only a fault of ours
 * is a 500, and its body says nothing of our internals.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    static final String TYPE_BASE = "https://waypoint.dev/problems/";

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> refused(ApiException e, HttpServletRequest request) {
        ProblemDetail problem = problem(e.status(), e.title(), e.getMessage(), slug(e.title()), request);
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors());
        }
        e.extensions().forEach(problem::setProperty);
        return ResponseEntity.status(e.status()).body(problem);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), "not-found", request);
        problem.setProperty("errors", List.of(new FieldProblem(e.what(), "no " + e.what() + " '" + e.id() + "'")));
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler(UnmappedSignalException.class)
    ResponseEntity<ProblemDetail> unmapped(UnmappedSignalException e, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Evidence maps to no skill", e.getMessage(),
                "unmapped-evidence", request);
        problem.setProperty("errors", List.of(new FieldProblem("object", e.getMessage())));
        return ResponseEntity.unprocessableEntity().body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String reason = "'" + e.getValue() + "' is not a valid " + (e.getRequiredType() == null
                ? "value" : e.getRequiredType().getSimpleName());
        return refused(ApiException.badRequest(e.getName(), reason), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The server failed to answer this request; the error is logged.", "internal", request));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        FieldProblem field = unreadable(e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field.field() + ": " + field.reason());
        problem.setTitle("Unreadable request body");
        problem.setType(URI.create(TYPE_BASE + "unreadable-body"));
        problem.setProperty("errors", List.of(field));
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.getParameterName() + ": the query parameter is required");
        problem.setTitle("Missing parameter");
        problem.setType(URI.create(TYPE_BASE + "missing-parameter"));
        problem.setProperty("errors", List.of(new FieldProblem(e.getParameterName(), "the query parameter is required")));
        return ResponseEntity.badRequest().body(problem);
    }

    /** Names the JSON field and the reason a body could not be read, without echoing parser internals. */
    static FieldProblem unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof JsonProcessingException) && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new FieldProblem(path(unknown), "unknown field; known fields: " + unknown.getKnownPropertyIds());
        }
        if (cause instanceof InvalidFormatException format) {
            return new FieldProblem(path(format), "'" + format.getValue() + "' is not a valid "
                    + format.getTargetType().getSimpleName());
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return new FieldProblem(path(mismatch), "expected " + describe(mismatch.getTargetType()));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return new FieldProblem(path(mapping), mapping.getOriginalMessage());
        }
        if (cause instanceof JsonProcessingException parsing && parsing.getLocation() != null) {
            return new FieldProblem("body", "malformed JSON at line " + parsing.getLocation().getLineNr()
                    + ", column " + parsing.getLocation().getColumnNr() + ": " + parsing.getOriginalMessage());
        }
        return new FieldProblem("body", "the request body is missing or is not JSON");
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return type.getSimpleName();
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, String slug,
                                         HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create(TYPE_BASE + slug));
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
