package io.leaddesk.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** The field readers of {@link LeadReader}: text, keys, answers, values, checkbox responses, yes/no. */
final class LeadFields {
    private LeadFields() {
    }

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private static final SerializedString NAME = new SerializedString("name");
    private static final SerializedString VALUES = new SerializedString("values");
    private static final SerializedString CHECKBOX_KEY = new SerializedString("checkbox_key");
    private static final SerializedString IS_CHECKED = new SerializedString("is_checked");

    /**
     * Moves to the next field of the current object and returns its name, or null at the object's end. When it is
     * {@code expected} (matched in place), the very String of {@code expected.getValue()} is returned.
     */
    static String nextField(JsonParser p, SerializedString expected) throws IOException {
        if (expected == null) {
            return p.nextFieldName();
        }
        if (p.nextFieldName(expected)) {
            return expected.getValue();
        }
        return p.currentToken() == JsonToken.FIELD_NAME ? p.currentName() : null;
    }

    /** A text field: a string as is, a number or boolean as written, null for null or a container (skipped). */
    static String text(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        return p.getText();
    }

    /** A question or checkbox key: as {@link #text} but shared across leads, and "" when there is none. */
    private static String key(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return SharedKeys.of(p);
        }
        String s = text(p, t);
        return s == null ? "" : s;
    }

    // ---- field_data ------------------------------------------------------------------------------

    static List<FieldAnswer> answers(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.START_ARRAY) {
            JsonToken e = p.nextToken();
            if (e == JsonToken.END_ARRAY) {
                return List.of();
            }
            List<FieldAnswer> out = new ArrayList<>(8);
            for (; e != JsonToken.END_ARRAY; e = p.nextToken()) {
                if (e == JsonToken.START_OBJECT) {
                    out.add(answer(p));
                } else {
                    p.skipChildren(); // not an answer
                }
            }
            return List.copyOf(out);
        }
        if (t == JsonToken.START_OBJECT) {
            return wrappedAnswers(p);
        }
        return List.of(); // null or a scalar
    }

    /** One answer object, the parser on its START_OBJECT. */
    private static FieldAnswer answer(JsonParser p) throws IOException {
        String name = "";
        List<String> values = List.of();
        String field;
        SerializedString expected = NAME;
        while ((field = nextField(p, expected)) != null) {
            expected = field == NAME.getValue() ? VALUES : NAME;
            JsonToken v = p.nextToken();
            if ("name".equals(field)) {
                name = key(p, v);
            } else if ("values".equals(field)) {
                values = values(p, v);
            } else {
                p.skipChildren();
            }
        }
        return new FieldAnswer(name, values);
    }

    /** field_data given as an object: {@code {"data":[...]}}, or one answer object on its own. */
    private static List<FieldAnswer> wrappedAnswers(JsonParser p) throws IOException {
        List<FieldAnswer> data = null;
        String name = null;
        List<String> values = null;
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (field) {
                case "data" -> data = answers(p, v);
                case "name" -> name = key(p, v);
                case "values" -> values = values(p, v);
                default -> p.skipChildren();
            }
        }
        if (data != null) {
            return data;
        }
        if (name != null || values != null) {
            return List.of(new FieldAnswer(name == null ? "" : name, values));
        }
        return List.of();
    }

    private static List<String> values(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (t != JsonToken.START_ARRAY) {
            return List.of(value(p, t)); // a bare scalar (or object) is one value
        }
        JsonToken v = p.nextToken();
        if (v == JsonToken.END_ARRAY) {
            return List.of();
        }
        String first = value(p, v);
        v = p.nextToken();
        if (v == JsonToken.END_ARRAY) {
            return first == null ? List.of() : List.of(first); // the usual case: one answer, no list growing
        }
        List<String> out = new ArrayList<>(4);
        if (first != null) {
            out.add(first);
        }
        for (; v != JsonToken.END_ARRAY; v = p.nextToken()) {
            String s = value(p, v);
            if (s != null) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    /** One entry of values: text as is, numbers and booleans as written, containers as JSON text, null for null. */
    private static String value(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            StringWriter w = new StringWriter();
            try (JsonGenerator g = FACTORY.createGenerator(w)) {
                g.copyCurrentStructureExact(p);
            }
            return w.toString();
        }
        return p.getText();
    }

    // ---- custom_disclaimer_responses -------------------------------------------------------------

    static List<DisclaimerResponse> responses(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.START_ARRAY) {
            JsonToken e = p.nextToken();
            if (e == JsonToken.END_ARRAY) {
                return List.of();
            }
            List<DisclaimerResponse> out = new ArrayList<>(4);
            for (; e != JsonToken.END_ARRAY; e = p.nextToken()) {
                if (e == JsonToken.START_OBJECT) {
                    out.add(response(p));
                } else {
                    p.skipChildren();
                }
            }
            return List.copyOf(out);
        }
        if (t == JsonToken.START_OBJECT) {
            return wrappedResponses(p);
        }
        return List.of();
    }

    private static DisclaimerResponse response(JsonParser p) throws IOException {
        String key = "";
        boolean on = false;
        String field;
        SerializedString expected = CHECKBOX_KEY;
        while ((field = nextField(p, expected)) != null) {
            expected = field == CHECKBOX_KEY.getValue() ? IS_CHECKED : CHECKBOX_KEY;
            JsonToken v = p.nextToken();
            if ("checkbox_key".equals(field)) {
                key = key(p, v);
            } else if ("is_checked".equals(field)) {
                on = truth(p, v) == Boolean.TRUE;
            } else {
                p.skipChildren();
            }
        }
        return new DisclaimerResponse(key, on);
    }

    private static List<DisclaimerResponse> wrappedResponses(JsonParser p) throws IOException {
        List<DisclaimerResponse> data = null;
        String key = null;
        Boolean on = null;
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (field) {
                case "data" -> data = responses(p, v);
                case "checkbox_key" -> key = key(p, v);
                case "is_checked" -> on = truth(p, v) == Boolean.TRUE;
                default -> p.skipChildren();
            }
        }
        if (data != null) {
            return data;
        }
        if (key != null || on != null) {
            return List.of(new DisclaimerResponse(key == null ? "" : key, on != null && on));
        }
        return List.of();
    }

    // ---- booleans --------------------------------------------------------------------------------

    /** A yes/no field: true/false, null when null, unknown or a container (skipped). */
    static Boolean truth(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_STRING:
                return LeadReader.truthOf(p.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return nonZero(p.getText());
            case START_OBJECT:
            case START_ARRAY:
                p.skipChildren();
                return null;
            default:
                return null;
        }
    }

    /** Whether a JSON number's text is not zero (any non-zero digit before its exponent). */
    private static Boolean nonZero(String number) {
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c == 'e' || c == 'E') {
                break;
            }
            if (c >= '1' && c <= '9') {
                return Boolean.TRUE;
            }
        }
        return Boolean.FALSE;
    }
}
