package dev.prebreak.cli.doctor;

import java.util.Objects;

/**
 * One line of {@code prebreak doctor}: what was checked, how it came out, what was found and, unless all
 * is well, what to do about it.
 *
 * @param subject what was checked ("login", "permission presence:userPresence:edit", "rule breaks")
 * @param todo what to do; empty when there is nothing to do
 */
public record Check(String subject, Verdict verdict, String finding, String todo) {
    public Check {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(verdict, "verdict");
        finding = finding == null ? "" : finding;
        todo = todo == null ? "" : todo;
    }

    static Check ok(String subject, String finding) {
        return new Check(subject, Verdict.OK, finding, "");
    }

    static Check problem(String subject, String finding, String todo) {
        return new Check(subject, Verdict.PROBLEM, finding, todo);
    }

    static Check note(String subject, String finding, String todo) {
        return new Check(subject, Verdict.NOTE, finding, todo);
    }
}
