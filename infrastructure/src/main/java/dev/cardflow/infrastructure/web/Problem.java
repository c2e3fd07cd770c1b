package dev.cardflow.infrastructure.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * An RFC 9457 problem: what every 4xx/5xx answer of cardflow carries.
 *
 * @param type   a URI reference naming the kind of problem ({@code /problems/<code>})
 * @param title  a short summary of the kind
 * @param status the HTTP status
 * @param detail what went wrong with this request, for a human
 * @param extra  extension members (e.g. {@code errors}), omitted when empty
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail,
                      @com.fasterxml.jackson.annotation.JsonAnyGetter Map<String, Object> extra) {

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem("/problems/" + code, title, status, detail, Map.of());
    }

    public Problem with(String member, Object value) {
        var members = new java.util.LinkedHashMap<>(extra);
        members.put(member, value);
        return new Problem(type, title, status, detail, members);
    }
}
