package dev.prebreak.genesys.http;

import dev.prebreak.core.gateway.GatewayException;
import dev.prebreak.genesys.wire.ErrorBody;
import dev.prebreak.genesys.wire.Wire;
import dev.prebreak.genesys.wire.WireException;

/** Turns a failed answer into an exception naming the call, the status, Genesys' code and message, and the correlation id. */
public final class Failures {
    private Failures() {
    }

    public static ApiFailure of(String call, Answer answer) {
        return of(call, answer, "");
    }

    public static ApiFailure of(String call, Answer answer, String note) {
        StringBuilder text = new StringBuilder(call).append(" failed: HTTP ").append(answer.status());
        ErrorBody error = errorBody(answer);
        if (error != null && error.code() != null) {
            text.append(' ').append(error.code());
        }
        if (error != null && error.message() != null) {
            text.append(": ").append(error.message());
        }
        text.append(note).append(" (correlation id ").append(answer.correlationId()).append(')');
        return new ApiFailure(text.toString(), answer.status(), error == null ? null : error.code(), bodyText(answer));
    }

    /** The body as text, cut at 64 KB: enough for any error body, bounded for a garbled one. */
    private static String bodyText(Answer answer) {
        byte[] body = answer.body();
        if (body == null) {
            return "";
        }
        return new String(body, 0, Math.min(body.length, 65_536), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static ErrorBody errorBody(Answer answer) {
        try {
            return answer.body() == null || answer.body().length == 0 ? null : Wire.read(answer.body(), ErrorBody.class);
        } catch (WireException e) {
            return null;
        }
    }
}
