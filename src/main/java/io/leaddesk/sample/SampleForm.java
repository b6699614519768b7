package io.leaddesk.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One invented lead form. Its leads are never stored: lead {@code index} (0 = oldest) is generated on demand from
 * (form, index, seed), so a million-lead dataset costs a few kilobytes. Leads added while running
 * ({@link SampleDataset#addLeads}) only store their creation time. Thread-safe.
 */
public final class SampleForm {
    // lead fields, bit per field; the order of the constants is the order in the JSON
    static final int F_ID = 1;
    static final int F_CREATED_TIME = 1 << 1;
    static final int F_AD_ID = 1 << 2;
    static final int F_AD_NAME = 1 << 3;
    static final int F_ADSET_ID = 1 << 4;
    static final int F_ADSET_NAME = 1 << 5;
    static final int F_CAMPAIGN_ID = 1 << 6;
    static final int F_CAMPAIGN_NAME = 1 << 7;
    static final int F_FORM_ID = 1 << 8;
    static final int F_FIELD_DATA = 1 << 9;
    static final int F_DISCLAIMER = 1 << 10;
    static final int F_IS_ORGANIC = 1 << 11;
    static final int F_PLATFORM = 1 << 12;
    /** Meta's default when no {@code fields} is given: created_time, id, field_data (in that order). */
    static final int DEFAULT_FIELDS = 1 << 30;

    static final long LEAD_ID_BASE = 24_900_000_000_000_000L;
    static final long LEAD_ID_FORM_STRIDE = 100_000_000_000L;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    /** Generates the values of one answer: appends the JSON array content (quoted, escaped, comma separated). */
    interface Answer {
        void append(StringBuilder sb, int index, long person, long h);
    }

    record Opt(String key, String value) {
    }

    record Q(String id, String key, String label, String type, List<Opt> options, Answer answer, String prefix) {
    }

    record Checkbox(String id, String key, String text, boolean required, boolean checkedByDefault) {
    }

    record Disclaimer(String title, String body, List<Checkbox> checkboxes) {
    }

    /** Precomputed JSON members of one ad ({@code "ad_id":"..."} etc.). */
    record Ad(String adId, String adName, String adsetId, String adsetName, String campaignId, String campaignName) {
    }

    final int ordinal;
    private final String id;
    private final String pageId;
    private final String pageName;
    private final String name;
    private final String status;
    private final String locale;
    final long createdEpoch;
    final List<Q> questions;
    final Disclaimer disclaimer;
    final String privacyUrl;
    final String privacyLinkText;
    final String legalContentId;
    private final int organicPct;
    private final int igPct;
    private final Ad[] ads;
    private final long salt;
    private final int organicSalt;
    private final String formIdMember;

    private final int baseCount;
    private final long start;
    private final long span;
    private final long expired;

    private volatile int fullLeadSize = 1024;
    private volatile int otherLeadSize = 512;
    private volatile long[] extraTimes = new long[0];
    private volatile int count;

    SampleForm(int ordinal, String id, String pageId, String pageName, String name, String status, String locale,
               long createdEpoch, List<Q> questions, Disclaimer disclaimer, String privacyUrl, String privacyLinkText,
               int organicPct, int igPct, List<Ad> ads, long seed, int baseCount, long start, long end,
               int expiredPct) {
        this.ordinal = ordinal;
        this.id = id;
        this.pageId = pageId;
        this.pageName = pageName;
        this.name = name;
        this.status = status;
        this.locale = locale;
        this.createdEpoch = createdEpoch;
        this.questions = List.copyOf(questions);
        this.disclaimer = disclaimer;
        this.privacyUrl = privacyUrl;
        this.privacyLinkText = privacyLinkText;
        this.legalContentId = String.valueOf(1_500_000_000_000_000L + (ordinal + 1) * 1_003L);
        this.organicPct = ads.isEmpty() ? 100 : organicPct;
        this.igPct = igPct;
        this.ads = ads.toArray(new Ad[0]);
        this.salt = Json.mix(seed * 31 + ordinal * GOLDEN + 17);
        this.organicSalt = (int) Long.remainderUnsigned(salt, 100);
        this.formIdMember = "\"form_id\":\"" + id + '"';
        this.baseCount = baseCount;
        this.start = start;
        this.span = Math.max(0, end - start);
        this.expired = expiredPct <= 0 || baseCount == 0 ? 0 : Math.max(1, (long) baseCount * expiredPct / 100);
        this.count = baseCount;
    }

    public String id() {
        return id;
    }

    public String pageId() {
        return pageId;
    }

    public String pageName() {
        return pageName;
    }

    public String name() {
        return name;
    }

    /** ACTIVE, ARCHIVED, DRAFT. */
    public String status() {
        return status;
    }

    public String locale() {
        return locale;
    }

    /** Leads the server serves for this form right now (also the form's leads_count). */
    public long leadCount() {
        return count;
    }

    public long organicLeadsCount() {
        return organicCount(count);
    }

    /** Leads older than 90 days that are no longer served (invented). */
    public long expiredLeadsCount() {
        return expired;
    }

    public boolean hasDisclaimer() {
        return disclaimer != null;
    }

    /** Question keys as they appear as {@code name} in field_data. */
    public List<String> questionKeys() {
        return questions.stream().map(Q::key).toList();
    }

    // ------------------------------------------------------------------ leads

    int count() {
        return count;
    }

    long leadIdNumber(int index) {
        return LEAD_ID_BASE + (ordinal + 1) * LEAD_ID_FORM_STRIDE + index * 13L + 5;
    }

    /** The index of a lead id of this form, or -1. */
    int indexOf(long leadId) {
        long rel = leadId - LEAD_ID_BASE - (ordinal + 1) * LEAD_ID_FORM_STRIDE;
        if (rel < 5 || (rel - 5) % 13 != 0) {
            return -1;
        }
        long idx = (rel - 5) / 13;
        return idx < count ? (int) idx : -1;
    }

    long createdEpoch(int index) {
        if (index < baseCount) {
            long step = span / baseCount;
            long t = start + (index * span) / baseCount;
            if (step > 1) {
                t += Long.remainderUnsigned(Json.mix(salt ^ (index * 0x632BE59BD9B4E019L)), step);
            }
            return t;
        }
        return extraTimes[index - baseCount];
    }

    long newestEpoch() {
        int c = count;
        return c == 0 ? Long.MIN_VALUE : createdEpoch(c - 1);
    }

    /** The first index in [0, count) whose time is > t (strict) or >= t. */
    int firstIndexAfter(long t, boolean inclusive, int count) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            long m = createdEpoch(mid);
            boolean after = inclusive ? m >= t : m > t;
            if (after) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    boolean isOrganic(int index) {
        return ((index * 37L + organicSalt) % 100) < organicPct;
    }

    private long organicCount(int n) {
        long full = n / 100;
        long c = full * organicPct;
        int rem = n % 100;
        for (int i = 0; i < rem; i++) {
            if (((i * 37L + organicSalt) % 100) < organicPct) {
                c++;
            }
        }
        return c;
    }

    synchronized List<Long> add(int n, long epoch) {
        int old = count;
        int extraUsed = old - baseCount;
        long[] arr = extraTimes;
        if (extraUsed + n > arr.length) {
            arr = Arrays.copyOf(arr, Math.max(extraUsed + n, arr.length * 2 + 16));
        }
        Arrays.fill(arr, extraUsed, extraUsed + n, epoch);
        extraTimes = arr;
        count = old + n; // publish after the times are written
        List<Long> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(leadIdNumber(old + i));
        }
        return ids;
    }

    /** Bytes a lead of this form took last time for a similar mask, plus slack: sizes page buffers up front. */
    int leadSizeHint(int mask) {
        return (mask & F_FIELD_DATA) != 0 || mask == DEFAULT_FIELDS ? fullLeadSize : otherLeadSize;
    }

    void recordLeadSize(int mask, int averageChars) {
        int hint = averageChars + averageChars / 8 + 16;
        if ((mask & F_FIELD_DATA) != 0 || mask == DEFAULT_FIELDS) {
            fullLeadSize = hint;
        } else {
            otherLeadSize = hint;
        }
    }

    /** Appends lead {@code index} as Graph would serve it for the field mask. */
    void appendLead(StringBuilder sb, int index, int mask) {
        long h = Json.mix(salt + index * GOLDEN);
        sb.append('{');
        if (mask == DEFAULT_FIELDS) {
            sb.append("\"created_time\":\"");
            Json.appendTime(sb, createdEpoch(index));
            sb.append("\",\"id\":\"").append(leadIdNumber(index)).append("\",\"field_data\":");
            appendFieldData(sb, index, h);
            sb.append('}');
            return;
        }
        boolean organic = isOrganic(index);
        Ad ad = organic ? null : ads[(int) Long.remainderUnsigned(h >>> 3, ads.length)];
        int n = 0;
        if ((mask & F_ID) != 0) {
            n++;
            sb.append("\"id\":\"").append(leadIdNumber(index)).append('"');
        }
        if ((mask & F_CREATED_TIME) != 0) {
            if (n++ > 0) {
                sb.append(',');
            }
            sb.append("\"created_time\":\"");
            Json.appendTime(sb, createdEpoch(index));
            sb.append('"');
        }
        if (ad != null) {
            n = member(sb, n, mask, F_AD_ID, ad.adId());
            n = member(sb, n, mask, F_AD_NAME, ad.adName());
            n = member(sb, n, mask, F_ADSET_ID, ad.adsetId());
            n = member(sb, n, mask, F_ADSET_NAME, ad.adsetName());
            n = member(sb, n, mask, F_CAMPAIGN_ID, ad.campaignId());
            n = member(sb, n, mask, F_CAMPAIGN_NAME, ad.campaignName());
        }
        n = member(sb, n, mask, F_FORM_ID, formIdMember);
        if ((mask & F_FIELD_DATA) != 0) {
            if (n++ > 0) {
                sb.append(',');
            }
            sb.append("\"field_data\":");
            appendFieldData(sb, index, h);
        }
        if ((mask & F_DISCLAIMER) != 0 && disclaimer != null) {
            if (n++ > 0) {
                sb.append(',');
            }
            sb.append("\"custom_disclaimer_responses\":[");
            int k = 0;
            for (Checkbox cb : disclaimer.checkboxes()) {
                if (k > 0) {
                    sb.append(',');
                }
                boolean checked = cb.required() || ((h >>> (50 + k)) & 1) == 1;
                sb.append("{\"checkbox_key\":").append(Json.str(cb.key())).append(",\"is_checked\":\"")
                        .append(checked ? "1" : "").append("\"}");
                k++;
            }
            sb.append(']');
        }
        if ((mask & F_IS_ORGANIC) != 0) {
            if (n++ > 0) {
                sb.append(',');
            }
            sb.append("\"is_organic\":").append(organic);
        }
        if ((mask & F_PLATFORM) != 0) {
            if (n > 0) {
                sb.append(',');
            }
            boolean ig = Long.remainderUnsigned(h >>> 40, 100) < igPct;
            sb.append("\"platform\":\"").append(ig ? "ig" : "fb").append('"');
        }
        sb.append('}');
    }

    private static int member(StringBuilder sb, int n, int mask, int bit, String member) {
        if ((mask & bit) == 0) {
            return n;
        }
        if (n > 0) {
            sb.append(',');
        }
        sb.append(member);
        return n + 1;
    }

    private void appendFieldData(StringBuilder sb, int index, long h) {
        sb.append('[');
        for (int q = 0; q < questions.size(); q++) {
            Q question = questions.get(q);
            if (q > 0) {
                sb.append(',');
            }
            sb.append(question.prefix());
            question.answer().append(sb, index, h, Json.mix(h + (q + 1) * GOLDEN));
            sb.append("]}");
        }
        sb.append(']');
    }

    // ------------------------------------------------------------------ form JSON

    static final List<String> FORM_FIELDS = List.of("id", "name", "status", "locale", "created_time", "leads_count",
            "organic_leads_count", "expired_leads_count", "questions", "legal_content", "privacy_policy_url",
            "block_display_for_non_targeted_viewer", "page");
    /** Real form fields the sample accepts and never fills (they are simply absent, as Graph omits empty ones). */
    static final List<String> FORM_FIELDS_ABSENT = List.of("follow_up_action_url", "context_card", "thank_you_page",
            "tracking_parameters", "is_optimized_for_quality", "question_page_custom_headline", "allow_organic_lead",
            "qualifiers", "page_id", "customized_tcpa_content", "is_continued_flow", "upsell_enabled",
            "should_enforce_work_email", "leadgen_export_csv_url");

    void appendForm(StringBuilder sb, List<String> fields) {
        int n = 0;
        sb.append('{');
        for (String f : fields) {
            int before = sb.length();
            if (n > 0) {
                sb.append(',');
            }
            boolean wrote = true;
            switch (f) {
                case "id" -> sb.append("\"id\":\"").append(id).append('"');
                case "name" -> sb.append("\"name\":").append(Json.str(name));
                case "status" -> sb.append("\"status\":\"").append(status).append('"');
                case "locale" -> sb.append("\"locale\":\"").append(locale).append('"');
                case "created_time" -> {
                    sb.append("\"created_time\":\"");
                    Json.appendTime(sb, createdEpoch);
                    sb.append('"');
                }
                case "leads_count" -> sb.append("\"leads_count\":").append(count);
                case "organic_leads_count" -> sb.append("\"organic_leads_count\":").append(organicLeadsCount());
                case "expired_leads_count" -> sb.append("\"expired_leads_count\":").append(expired);
                case "questions" -> appendQuestions(sb);
                case "legal_content" -> appendLegal(sb);
                case "privacy_policy_url" -> sb.append("\"privacy_policy_url\":").append(Json.str(privacyUrl));
                case "block_display_for_non_targeted_viewer" ->
                        sb.append("\"block_display_for_non_targeted_viewer\":false");
                case "page" -> sb.append("\"page\":{\"name\":").append(Json.str(pageName)).append(",\"id\":\"")
                        .append(pageId).append("\"}");
                default -> wrote = false;
            }
            if (wrote) {
                n++;
            } else {
                sb.setLength(before);
            }
        }
        sb.append('}');
    }

    private void appendQuestions(StringBuilder sb) {
        sb.append("\"questions\":[");
        for (int i = 0; i < questions.size(); i++) {
            Q q = questions.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"key\":").append(Json.str(q.key())).append(",\"label\":").append(Json.str(q.label()))
                    .append(",\"type\":\"").append(q.type()).append('"');
            if (!q.options().isEmpty()) {
                sb.append(",\"options\":[");
                for (int o = 0; o < q.options().size(); o++) {
                    Opt opt = q.options().get(o);
                    if (o > 0) {
                        sb.append(',');
                    }
                    sb.append("{\"key\":").append(Json.str(opt.key())).append(",\"value\":")
                            .append(Json.str(opt.value())).append('}');
                }
                sb.append(']');
            }
            sb.append(",\"id\":\"").append(q.id()).append("\"}");
        }
        sb.append(']');
    }

    private void appendLegal(StringBuilder sb) {
        sb.append("\"legal_content\":{\"privacy_policy\":{\"url\":").append(Json.str(privacyUrl))
                .append(",\"link_text\":").append(Json.str(privacyLinkText)).append('}');
        if (disclaimer != null) {
            sb.append(",\"custom_disclaimer\":{\"title\":").append(Json.str(disclaimer.title()))
                    .append(",\"body\":{\"text\":").append(Json.str(disclaimer.body()))
                    .append(",\"url_entities\":[]},\"checkboxes\":[");
            for (int i = 0; i < disclaimer.checkboxes().size(); i++) {
                Checkbox cb = disclaimer.checkboxes().get(i);
                if (i > 0) {
                    sb.append(',');
                }
                sb.append("{\"is_required\":").append(cb.required()).append(",\"is_checked_by_default\":")
                        .append(cb.checkedByDefault()).append(",\"text\":").append(Json.str(cb.text()))
                        .append(",\"key\":").append(Json.str(cb.key())).append(",\"id\":\"").append(cb.id())
                        .append("\"}");
            }
            sb.append("]}");
        }
        sb.append(",\"id\":\"").append(legalContentId).append("\"}");
    }

    @Override
    public String toString() {
        return "SampleForm[" + id + " " + name + " " + status + " leads=" + count + "]";
    }
}
