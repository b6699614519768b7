package io.leaddesk.graph;

import io.leaddesk.model.Lead;
import io.leaddesk.model.LeadReader;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming parsers for Graph result pages. One pass over the body (as a char[]) records where each element of
 * {@code data} starts and ends, so that {@code rawJson} is an exact substring of the response; each lead object is
 * read by {@link LeadReader}, the reader the cache reads leads back with, so a lead reads the same at sync and later.
 * Any malformed or truncated body throws a Jackson {@link com.fasterxml.jackson.core.JsonProcessingException}, which
 * the client treats as transient.
 */
final class PageParsers {
    static final JsonFactory FACTORY = JsonFactory.builder().build();

    private PageParsers() {
    }

    /** A result page of leads plus its paging links. */
    record LeadPage(List<Lead> leads, String next, String after) {
    }

    /** A result page of raw element texts (forms, accounts) plus its paging links. */
    record RawPage(List<String> items, String next, String after) {
    }

    private static final class Paging {
        String next;
        String after;
    }

    static LeadPage leads(String body) throws IOException {
        Envelope<Lead> e = envelope(body, LeadReader::fromGraph);
        return new LeadPage(e.items, e.paging.next, e.paging.after);
    }

    /** A single lead object as the whole body ({@code GET /{lead_id}}). */
    static Lead singleLead(String body) throws IOException {
        char[] chars = body.toCharArray();
        try (JsonParser p = FACTORY.createParser(chars, 0, chars.length)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT);
            Lead lead = LeadReader.fromGraph(p, body);
            expectEnd(p);
            return lead;
        }
    }

    static RawPage raw(String body) throws IOException {
        Envelope<String> e = envelope(body, (p, text) -> {
            int start = (int) p.currentTokenLocation().getCharOffset();
            p.skipChildren();
            int end = (int) p.currentLocation().getCharOffset();
            return text.substring(start, end);
        });
        return new RawPage(e.items, e.paging.next, e.paging.after);
    }

    /** Reads one element of {@code data}; the parser stands on its START_OBJECT and must end on its END_OBJECT. */
    @FunctionalInterface
    private interface ElementReader<T> {
        T read(JsonParser p, String body) throws IOException;
    }

    private record Envelope<T>(List<T> items, Paging paging) {
    }

    /** The {@code {"data":[...], "paging":{...}}} envelope every list endpoint answers with. */
    private static <T> Envelope<T> envelope(String body, ElementReader<T> element) throws IOException {
        char[] chars = body.toCharArray();
        try (JsonParser p = FACTORY.createParser(chars, 0, chars.length)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT);
            List<T> items = new ArrayList<>();
            Paging paging = new Paging();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if ("data".equals(name) && v == JsonToken.START_ARRAY) {
                    while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
                        items.add(element.read(p, body));
                    }
                    expect(p, t, JsonToken.END_ARRAY);
                } else if ("paging".equals(name) && v == JsonToken.START_OBJECT) {
                    paging(p, paging);
                } else {
                    p.skipChildren();
                }
            }
            expect(p, t, JsonToken.END_OBJECT);
            expectEnd(p);
            return new Envelope<>(items, paging);
        }
    }

    private static void paging(JsonParser p, Paging out) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if ("next".equals(name) && v == JsonToken.VALUE_STRING) {
                out.next = p.getText();
            } else if ("cursors".equals(name) && v == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String c = p.currentName();
                    JsonToken cv = p.nextToken();
                    if ("after".equals(c) && cv == JsonToken.VALUE_STRING) {
                        out.after = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private static void expect(JsonParser p, JsonToken actual, JsonToken wanted) throws JsonParseException {
        if (actual != wanted) {
            throw new JsonParseException(p, "Expected " + wanted + " but found " + actual);
        }
    }

    private static void expectEnd(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t != null) {
            throw new JsonParseException(p, "Unexpected content after the JSON object");
        }
    }
}
