package org.homeward.devstack.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.homeward.devstack.Endpoints;

/** The calls the system tests make, through the stack's public APIs with the shared stack's tokens. */
final class StackClient {

    private final SystemStack stack;
    private final Api api;
    private final Endpoints endpoints;

    StackClient(SystemStack stack) {
        this.stack = stack;
        this.api = stack.api();
        this.endpoints = stack.running().endpoints();
    }

    /** Registers a record as the user and returns its id. */
    String register(String country, String username, Map<String, Object> body) {
        var created = api.post(records(country), stack.token(username), body);
        assertThat(created.status()).as("registering a record in %s", country).isEqualTo(201);
        return created.json().path("id").asText();
    }

    /** A record as a user of its country reads it. */
    JsonNode record(String country, String username, String id) {
        var answer = api.get(records(country).resolve("records/" + id), stack.token(username));
        assertThat(answer.status()).as("reading a record in %s", country).isEqualTo(200);
        return answer.json();
    }

    /** The match proposals a reviewer's country is party to (the first 100, most recently changed first). */
    List<JsonNode> proposals(String username) {
        var answer = api.get(endpoints.matching().resolve("api/v1/match-proposals?size=100"), stack.token(username));
        assertThat(answer.status()).as("listing match proposals").isEqualTo(200);
        var items = new ArrayList<JsonNode>();
        answer.json().path("items").forEach(items::add);
        return items;
    }

    /** The proposals naming either record. */
    static List<JsonNode> naming(List<JsonNode> proposals, String oneRecord, String otherRecord) {
        var ids = Set.of(oneRecord, otherRecord);
        return proposals.stream()
                .filter(proposal -> ids.contains(
                                proposal.path("left").path("recordId").asText())
                        || ids.contains(proposal.path("right").path("recordId").asText()))
                .toList();
    }

    /** Whether a proposal pairs exactly these two records. */
    static boolean pairs(JsonNode proposal, String oneRecord, String otherRecord) {
        return Set.of(
                        proposal.path("left").path("recordId").asText(),
                        proposal.path("right").path("recordId").asText())
                .equals(Set.of(oneRecord, otherRecord));
    }

    /** The caller's in-app inbox. */
    List<JsonNode> inbox(String username) {
        var answer = api.get(endpoints.notification().resolve("api/v1/inbox"), stack.token(username));
        assertThat(answer.status()).as("reading the inbox").isEqualTo(200);
        var items = new ArrayList<JsonNode>();
        answer.json().forEach(items::add);
        return items;
    }

    /** The mails the mail server holds for an address, subject and decoded text; none if it never got one. */
    List<Mail> mails(String address) {
        var answer = api.get(endpoints.mailbox(address), null);
        if (answer.status() != 200) {
            return List.of();
        }
        var mails = new ArrayList<Mail>();
        answer.json()
                .forEach(message -> mails.add(new Mail(
                        message.path("subject").asText(),
                        decoded(message.path("mimeMessage").asText()))));
        return mails;
    }

    /** A received mail: subject and the message with its transfer encodings undone. */
    record Mail(String subject, String text) {

        boolean isProposalOf(String matchId) {
            return subject.contains("New match proposal") && text.contains(matchId);
        }

        @Override
        public String toString() {
            return "Mail[subject=" + subject + "]";
        }
    }

    private URI records(String country) {
        return endpoints.registry(country).resolve("api/v1/records");
    }

    /** Quoted-printable soft line breaks removed, base64 parts decoded and appended. */
    static String decoded(String mime) {
        var text = new StringBuilder(mime.replace("=\r\n", "").replace("=\n", ""));
        var lines = mime.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].toLowerCase(Locale.ROOT).startsWith("content-transfer-encoding: base64")) {
                continue;
            }
            while (i < lines.length && !lines[i].isEmpty()) {
                i++;
            }
            var encoded = new StringBuilder();
            for (i++; i < lines.length && !lines[i].isEmpty() && !lines[i].startsWith("--"); i++) {
                encoded.append(lines[i].strip());
            }
            try {
                text.append('\n')
                        .append(new String(Base64.getMimeDecoder().decode(encoded.toString()), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException notBase64) {
                // Left as it is: the raw text is still searched.
            }
        }
        return text.toString();
    }
}
