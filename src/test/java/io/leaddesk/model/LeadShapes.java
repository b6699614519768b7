package io.leaddesk.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The corpus of lead JSON shapes (usual and tricky) with the lead each must read as, on every path: parsed from a
 * Graph page at sync, read back from the cache (text or bytes), written again. Also the name, email and phone the
 * store's columns must show for it (found through {@link #QUESTIONS}). The decisions are those of
 * {@link LeadReader}'s table.
 */
public final class LeadShapes {
    private LeadShapes() {
    }

    /** One lead JSON shape and what it must read as. {@code expected.rawJson()} is {@code json} itself. */
    public record Shape(String name, String json, Lead expected, String contactName, String email, String phone) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static final String T = "2025-10-08T09:09:27+0000";
    public static final long EPOCH = 1_759_914_567L;

    /** The form's questions the contact columns are found through. */
    public static final List<Question> QUESTIONS = List.of(q("full_name", "FULL_NAME"), q("first_name", "FIRST_NAME"),
            q("last_name", "LAST_NAME"), q("email", "EMAIL"), q("эл._адрес", "EMAIL"), q("phone_number", "PHONE"),
            q("multi", "CUSTOM"));

    private static Question q(String key, String type) {
        return new Question("q-" + key, key, key, type, List.of());
    }

    /** Every shape; ids are unique, and every shape but those named "no id" has one. */
    public static List<Shape> all() {
        List<Shape> out = new ArrayList<>();
        out.add(new Expect("s01").all().answer("full_name", "Ol\u00e9na \"O'Neil\" שלום").answer("эл._адрес", "olena@example.ua")
                .answer("phone_number", "+380501234567").answer("multi", "English", "Deutsch", "日本語").answer("skipped")
                .checkbox("consent", true).checkbox("news", false)
                .contact("Ol\u00e9na \"O'Neil\" שלום", "olena@example.ua", "+380501234567")
                .shape("the usual Graph shape", """
                        {"id":"s01","created_time":"2025-10-08T09:09:27+0000","ad_id":"a1","ad_name":"Осінь / 2025, \\"A\\"",\
                        "adset_id":"as1","adset_name":"Київ","campaign_id":"c1","campaign_name":"Campañ\\u00e9 😀",\
                        "form_id":"F1","field_data":[{"name":"full_name","values":["Ol\\u00e9na \\"O'Neil\\" שלום"]},\
                        {"name":"эл._адрес","values":["olena@example.ua"]},{"name":"phone_number","values":["+380501234567"]},\
                        {"name":"multi","values":["English","Deutsch","日本語"]},{"name":"skipped","values":[]}],\
                        "custom_disclaimer_responses":[{"checkbox_key":"consent","is_checked":"1"},{"checkbox_key":"news","is_checked":""}],\
                        "is_organic":false,"platform":"ig","partner_name":"CRM Co","retailer_item_id":"77"}"""));
        // --- the four shapes of the issue
        out.add(new Expect("s02").basic().answer("full_name", "Ann Lee").answer("email").answer("multi", "a", "b")
                .contact("Ann Lee", "", "")
                .shape("values with null entries", """
                        {"id":"s02","created_time":"2025-10-08T09:09:27+0000","form_id":"F1","field_data":[\
                        {"name":"full_name","values":[null,"Ann Lee"]},{"name":"email","values":[null]},\
                        {"name":"multi","values":["a",null,"b",null]}]}"""));
        out.add(new Expect("s03").basic().answer("email", "ann@example.com").answer("phone_number", "15550100")
                .answer("multi", "").contact("", "ann@example.com", "15550100")
                .shape("values as a bare scalar", """
                        {"id":"s03","created_time":"2025-10-08T09:09:27+0000","form_id":"F1","field_data":[\
                        {"name":"email","values":"ann@example.com"},{"name":"phone_number","values":15550100},\
                        {"name":"multi","values":""}]}"""));
        out.add(new Expect("s04").basic().answer("full_name", "Bo Kim").answer("email", "bo@example.com")
                .answer("phone_number", "+15550101").contact("Bo Kim", "bo@example.com", "+15550101")
                .shape("field_data wrapped as {\"data\":[...]}", """
                        {"id":"s04","created_time":"2025-10-08T09:09:27+0000","form_id":"F1","field_data":{"data":[\
                        {"name":"full_name","values":["Bo Kim"]},{"name":"email","values":["bo@example.com"]},\
                        {"name":"phone_number","values":["+15550101"]}],"paging":{"cursors":{"before":"x","after":"y"}}}}"""));
        out.add(new Expect("s05").basic().answer("", "orphan").answer("", "named null").answer("")
                .answer("full_name", "Cy").checkbox("", true).checkbox("news", false).checkbox("", false)
                .contact("Cy", "", "")
                .shape("an answer and a checkbox without a key", """
                        {"id":"s05","created_time":"2025-10-08T09:09:27+0000","form_id":"F1","field_data":[\
                        {"values":["orphan"]},{"name":null,"values":["named null"]},{},{"name":"full_name","values":["Cy"]}],\
                        "custom_disclaimer_responses":[{"is_checked":"1"},{"checkbox_key":"news","is_checked":""},{}]}"""));
        // --- booleans
        String[][] organic = {{"true", "true"}, {"\"true\"", "true"}, {"\"TRUE\"", "true"}, {"\"1\"", "true"},
            {"1", "true"}, {"1.0", "true"}, {"\" 1 \"", "true"}, {"false", "false"}, {"\"false\"", "false"},
            {"\"0\"", "false"}, {"0", "false"}, {"\"\"", "false"}, {"0.0", "false"}, {"null", null},
            {"\"maybe\"", null}, {"{\"value\":true}", null}, {"[true]", null}};
        for (int i = 0; i < organic.length; i++) {
            String id = "org" + i;
            Boolean expected = organic[i][1] == null ? null : Boolean.valueOf(organic[i][1]);
            out.add(new Expect(id).basic().platform("fb").organic(expected).shape("is_organic " + organic[i][0],
                    "{\"id\":\"" + id + "\",\"created_time\":\"" + T + "\",\"form_id\":\"F1\",\"field_data\":[],"
                            + "\"is_organic\":" + organic[i][0] + ",\"platform\":\"fb\"}"));
        }
        out.add(new Expect("s06").basic().checkbox("a", true).checkbox("b", false).checkbox("c", true)
                .checkbox("d", false).checkbox("e", true).checkbox("f", false).checkbox("g", false)
                .checkbox("h", true).checkbox("i", true).checkbox("j", true).checkbox("k", false)
                .checkbox("l", false).checkbox("m", false).checkbox("n", true).checkbox("o", false)
                .checkbox("p", false).checkbox("q", false)
                .shape("is_checked as \"1\"/\"\"/true/false/1/0 and more", """
                        {"id":"s06","created_time":"2025-10-08T09:09:27+0000","form_id":"F1","field_data":[],\
                        "custom_disclaimer_responses":[{"checkbox_key":"a","is_checked":"1"},{"checkbox_key":"b","is_checked":""},\
                        {"checkbox_key":"c","is_checked":true},{"checkbox_key":"d","is_checked":false},\
                        {"checkbox_key":"e","is_checked":1},{"checkbox_key":"f","is_checked":0},\
                        {"checkbox_key":"g","is_checked":"0"},{"checkbox_key":"h","is_checked":"true"},\
                        {"checkbox_key":"i","is_checked":"TRUE"},{"checkbox_key":"j","is_checked":" 1 "},\
                        {"checkbox_key":"k","is_checked":null},{"checkbox_key":"l","is_checked":"yes"},\
                        {"checkbox_key":"m","is_checked":{"v":1}},{"checkbox_key":"n","is_checked":2.5},\
                        {"checkbox_key":"o"},{"checkbox_key":"p","is_checked":"false"},{"checkbox_key":"q","is_checked":[1]}]}"""));
        // --- created_time
        Object[][] times = {{"\"2025-10-08T09:09:27+00:00\"", EPOCH}, {"\"2025-10-08T09:09:27Z\"", EPOCH},
            {"\"2025-10-08T11:09:27+0200\"", EPOCH}, {"\"2025-10-08T04:09:27-05:00\"", EPOCH},
            {"\"2025-10-08T11:09:27+02\"", EPOCH}, {"\"2025-10-08T09:09:27.987+0000\"", EPOCH},
            {"\"2025-10-08T09:09:27\"", EPOCH}, {"\"2025-10-08 09:09:27\"", EPOCH}, {"\"2025-10-08T09:09+0000\"", EPOCH - 27},
            {"\"2025-10-08\"", EPOCH - 9 * 3600 - 9 * 60 - 27}, {"1759914567", EPOCH}, {"\"1759914567\"", EPOCH},
            {"1759914567000", EPOCH}, {"\"yesterday\"", 0L}, {"\"2025-02-30T00:00:00+0000\"", 0L}, {"\"\"", 0L},
            {"null", 0L}, {"{\"date\":\"2025-10-08\"}", 0L}};
        for (int i = 0; i < times.length; i++) {
            String id = "time" + i;
            String json = (String) times[i][0];
            String text = json.equals("null") || json.startsWith("{") ? null
                    : json.startsWith("\"") ? json.substring(1, json.length() - 1) : json;
            out.add(new Expect(id).formId("F1").created(text, (Long) times[i][1]).shape("created_time " + json,
                    "{\"id\":\"" + id + "\",\"created_time\":" + json + ",\"form_id\":\"F1\"}"));
        }
        // --- wrong types
        out.add(new Expect("s07").created(T, EPOCH).formId("F1").adName(null).campaignName(null).platform(null)
                .adId(null).answer("full_name", "Di").answer("", "x")
                .contact("Di", "", "")
                .shape("objects and arrays where text is expected", """
                        {"id":"s07","created_time":"2025-10-08T09:09:27+0000","form_id":"F1","ad_id":[],\
                        "ad_name":{"nested":true},"campaign_name":["x"],"platform":{"a":1},"partner_name":{},\
                        "field_data":[{"name":"full_name","values":["Di"]},{"name":{"k":"v"},"values":["x"]}]}"""));
        out.add(new Expect("123").created("1759914567", EPOCH).formId("987").adId("120201000").adName("true")
                .campaignName("12.50").platform("false").retailer("77").answer("7", "v").checkbox("3", true)
                .shape("numbers and booleans where text is expected", """
                        {"id":123,"created_time":1759914567,"ad_id":120201000,"ad_name":true,"campaign_name":12.50,\
                        "form_id":987,"field_data":[{"name":7,"values":["v"]}],\
                        "custom_disclaimer_responses":[{"checkbox_key":3,"is_checked":"1"}],"platform":false,"retailer_item_id":77}"""));
        out.add(new Expect("s08").basic().answer("multi", "1", "true", "2.50", "-0", "{\"a\":[1,\"x\",null],\"b\":1.50}",
                        "[\"p\",\"q\"]").answer("other", "{\"k\":\"v\"}")
                .shape("numbers, booleans and nested values inside values", """
                        {"id":"s08","created_time":"2025-10-08T09:09:27+0000","form_id":"F1","field_data":[\
                        {"name":"multi","values":[1,true,2.50,-0,{"a":[1,"x",null],"b":1.50},["p","q"]]},\
                        {"name":"other","values":{ "k" : "v" }}]}"""));
        // --- duplicates, nulls, extras
        out.add(new Expect("s09").created(T, EPOCH).formId("F1").platform("ig").organic(false)
                .answer("email", "last@example.com").answer("multi", "b").checkbox("second", true)
                .contact("", "last@example.com", "")
                .shape("duplicate keys: the last wins", """
                        {"id":"s09","created_time":"2025-10-08T09:09:27+0000","form_id":"F1","platform":"fb","platform":"ig",\
                        "is_organic":true,"is_organic":false,\
                        "field_data":[{"name":"full_name","values":["First"]}],\
                        "field_data":[{"name":"email","values":["last@example.com"]},\
                        {"name":"x","name":"multi","values":["a"],"values":["b"]}],\
                        "custom_disclaimer_responses":[{"checkbox_key":"first","is_checked":"1"}],\
                        "custom_disclaimer_responses":[{"checkbox_key":"x","checkbox_key":"second","is_checked":"","is_checked":"1"}]}"""));
        out.add(new Expect(null).created(null, 0)
                .shape("no id: null for every field", """
                        {"id":null,"created_time":null,"ad_id":null,"ad_name":null,"adset_id":null,"adset_name":null,\
                        "campaign_id":null,"campaign_name":null,"form_id":null,"field_data":null,\
                        "custom_disclaimer_responses":null,"is_organic":null,"platform":null,"partner_name":null,\
                        "retailer_item_id":null}"""));
        out.add(new Expect(null).created(null, 0).shape("no id: an empty object", "{}"));
        out.add(new Expect("s10").basic().platform("fb").answer("full_name", "Eve").checkbox("consent", true)
                .contact("Eve", "", "")
                .shape("unknown extra fields everywhere", """
                        {"id":"s10","created_time":"2025-10-08T09:09:27+0000","post":{"id":"p1","message":"hi"},\
                        "home_listing":null,"vehicle":[{"make":"x"}],"x":{"y":[1,{"z":null}]},"form_id":"F1",\
                        "field_data":[{"name":"full_name","id":"q1","values":["Eve"],"extra":[1,{"a":2}]}],\
                        "custom_disclaimer_responses":[{"checkbox_key":"consent","text":"I agree","is_checked":"1","at":1}],\
                        "platform":"fb","lead_status":"NEW"}"""));
        out.add(new Expect("s11").basic().checkbox("consent", true).checkbox("news", false)
                .shape("custom_disclaimer_responses wrapped as {\"data\":[...]}", """
                        {"id":"s11","created_time":"2025-10-08T09:09:27+0000","form_id":"F1","field_data":[],\
                        "custom_disclaimer_responses":{"data":[{"checkbox_key":"consent","is_checked":"1"},\
                        {"checkbox_key":"news","is_checked":""}]}}"""));
        out.add(new Expect("s12").basic().answer("email", "lone@example.com").checkbox("consent", true)
                .contact("", "lone@example.com", "")
                .shape("a lone answer and a lone response object instead of lists", """
                        {"id":"s12","created_time":"2025-10-08T09:09:27+0000","form_id":"F1",\
                        "field_data":{"name":"email","values":["lone@example.com"]},\
                        "custom_disclaimer_responses":{"checkbox_key":"consent","is_checked":true}}"""));
        out.add(new Expect("s13").basic().answer("email", "e@example.com")
                .contact("", "e@example.com", "")
                .shape("field_data elements that are not objects", """
                        {"id":"s13","created_time":"2025-10-08T09:09:27+0000","form_id":"F1",\
                        "field_data":["text",["x"],null,5,true,{"name":"email","values":["e@example.com"]}],\
                        "custom_disclaimer_responses":["yes",null,[{"checkbox_key":"k"}]]}"""));
        out.add(new Expect("s14").basic()
                .shape("field_data and responses as scalars or other objects", """
                        {"id":"s14","created_time":"2025-10-08T09:09:27+0000","form_id":"F1",\
                        "field_data":{"a":{"name":"x","values":["v"]},"summary":{"count":1}},\
                        "custom_disclaimer_responses":"yes"}"""));
        out.add(new Expect("s15").basic().all().platform("fb").organic(true).answer("first_name", "Fay")
                .answer("last_name", "Wu").answer("phone_number", "+44 20 7946 0000").checkbox("consent", true)
                .contact("Fay Wu", "", "+44 20 7946 0000")
                .shape("reversed field order, pretty-printed", """
                        {
                          "retailer_item_id" : "77",
                          "partner_name" : "CRM Co",
                          "platform" : "fb",
                          "is_organic" : "1",
                          "custom_disclaimer_responses" : [ { "is_checked" : "1", "checkbox_key" : "consent" } ],
                          "field_data" : [
                            { "values" : [ "Fay" ], "name" : "first_name" },
                            { "values" : [ "Wu" ], "name" : "last_name" },
                            { "values" : [ "+44 20 7946 0000" ], "name" : "phone_number" }
                          ],
                          "form_id" : "F1",
                          "campaign_name" : "Campañ\\u00e9 😀",
                          "campaign_id" : "c1",
                          "adset_name" : "Київ",
                          "adset_id" : "as1",
                          "ad_name" : "Осінь / 2025, \\"A\\"",
                          "ad_id" : "a1",
                          "created_time" : "2025-10-08T09:09:27+0000",
                          "id" : "s15"
                        }"""));
        out.add(new Expect("s16").basic().answer("email").answer("email", "second@example.com")
                .answer("эл._адрес", "ru@example.ru").contact("", "second@example.com", "")
                .shape("the same key twice, and a key written with escapes", """
                        {"id":"s16","created_time":"2025-10-08T09:09:27+0000","form_id":"F1","field_data":[\
                        {"name":"email","values":[]},{"name":"email","values":["second@example.com"]},\
                        {"name":"\\u044d\\u043b._\\u0430\\u0434\\u0440\\u0435\\u0441","values":["ru@example.ru"]}]}"""));
        out.add(new Expect("s17").created(T, EPOCH).answer("full_name", "Gil").answer("multi")
                .contact("Gil", "", "")
                .shape("no form_id, no values key, no is_organic", """
                        {"id":"s17","created_time":"2025-10-08T09:09:27+0000","field_data":[\
                        {"name":"full_name","values":["Gil"]},{"name":"multi"}]}"""));
        out.add(new Expect("s18").basic().answer("multi", "", " ", "line1\nline2\r\n\ttab \\ / \u0000").answer("full_name", "  Hal  ")
                .contact("Hal", "", "")
                .shape("empty, blank and control-character values", """
                        {"id":"s18","created_time":"2025-10-08T09:09:27+0000","form_id":"F1","field_data":[\
                        {"name":"multi","values":[""," ","line1\\nline2\\r\\n\\ttab \\\\ \\/ \\u0000"]},\
                        {"name":"full_name","values":["  Hal  "]}]}"""));
        return out;
    }

    /** Builds the expected lead of a shape. */
    private static final class Expect {
        private final String id;
        private String created;
        private long epoch;
        private String formId, adId, adName, adsetId, adsetName, campaignId, campaignName, platform, partner, retailer;
        private Boolean organic;
        private final List<FieldAnswer> answers = new ArrayList<>();
        private final List<DisclaimerResponse> responses = new ArrayList<>();
        private String name = "", email = "", phone = "";

        Expect(String id) {
            this.id = id;
        }

        /** created_time T and form F1. */
        Expect basic() {
            return created(T, EPOCH).formId("F1");
        }

        /** The ad, adset, campaign, platform and partner fields of the usual shape. */
        Expect all() {
            created(T, EPOCH).formId("F1");
            adId = "a1";
            adName = "Осінь / 2025, \"A\"";
            adsetId = "as1";
            adsetName = "Київ";
            campaignId = "c1";
            campaignName = "Campañé 😀";
            organic = false;
            platform = "ig";
            partner = "CRM Co";
            retailer = "77";
            return this;
        }

        Expect created(String text, long seconds) {
            created = text;
            epoch = seconds;
            return this;
        }

        Expect formId(String v) {
            formId = v;
            return this;
        }

        Expect adId(String v) {
            adId = v;
            return this;
        }

        Expect adName(String v) {
            adName = v;
            return this;
        }

        Expect campaignName(String v) {
            campaignName = v;
            return this;
        }

        Expect platform(String v) {
            platform = v;
            return this;
        }

        Expect retailer(String v) {
            retailer = v;
            return this;
        }

        Expect organic(Boolean v) {
            organic = v;
            return this;
        }

        Expect answer(String key, String... values) {
            answers.add(new FieldAnswer(key, List.of(values)));
            return this;
        }

        Expect checkbox(String key, boolean checked) {
            responses.add(new DisclaimerResponse(key, checked));
            return this;
        }

        Expect contact(String name, String email, String phone) {
            this.name = name;
            this.email = email;
            this.phone = phone;
            return this;
        }

        Shape shape(String what, String json) {
            Lead lead = LeadBuilder.lead(id).created(created, epoch).form(formId).ad(adId, adName)
                    .adset(adsetId, adsetName).campaign(campaignId, campaignName).organic(organic).platform(platform)
                    .partner(partner).retailerItem(retailer).answers(answers).disclaimers(responses).raw(json).build();
            return new Shape(what, json, lead, name, email, phone);
        }
    }
}
