package io.leaddesk.sample;

import io.leaddesk.sample.SampleCatalog.AdDef;
import io.leaddesk.sample.SampleCatalog.FormDef;
import io.leaddesk.sample.SampleCatalog.PageDef;
import io.leaddesk.sample.SampleCatalog.QDef;
import io.leaddesk.sample.SampleForm.Ad;
import io.leaddesk.sample.SampleForm.Q;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The invented data behind the sample Graph API: five pages, twelve forms in Ukrainian, French, Portuguese,
 * English and Arabic, and {@code leads} leads spread over them (weights per form; DRAFT and one waiting-list form
 * have none). Leads are generated on demand from (seed, form, index), never stored, so a million leads cost almost
 * no memory; lead {@code index} 0 is a form's oldest, {@code leadCount-1} its newest, and the server serves them in
 * descending index order. Lead times lie within the 80 days before {@link #now()} (archived forms stop earlier).
 * Same seed, lead total and now give byte-identical data. Thread-safe.
 */
public final class SampleDataset {
    /** Every lead field the sample fills, in the order it writes them. */
    public static final String ALL_LEAD_FIELDS = "id,created_time,ad_id,ad_name,adset_id,adset_name,campaign_id,"
            + "campaign_name,form_id,field_data,custom_disclaimer_responses,is_organic,platform";
    /** Lead fields Graph knows that the sample never fills (absent from the JSON, like empty fields on Graph). */
    static final List<String> LEAD_FIELDS_ABSENT = List.of("partner_name", "retailer_item_id", "post",
            "home_listing", "vehicle", "inventory_item", "ad_group_id");

    private final long seed;
    private final Instant now;
    private final List<SamplePage> pages;
    private final Map<String, SamplePage> pagesById = new LinkedHashMap<>();
    private final Map<String, SampleForm> formsById = new LinkedHashMap<>();
    private final List<SampleForm> forms = new ArrayList<>();
    private long lastAddedEpoch;

    private SampleDataset(long seed, int leads, Instant now) {
        this.seed = seed;
        this.now = Objects.requireNonNull(now, "now");
        long nowSec = now.getEpochSecond();
        List<PageDef> defs = SampleCatalog.pages();
        List<FormDef> all = defs.stream().flatMap(p -> p.forms().stream()).toList();
        int[] counts = distribute(leads, all);
        List<SamplePage> built = new ArrayList<>();
        int ord = 0;
        for (PageDef pd : defs) {
            List<SampleForm> pageForms = new ArrayList<>();
            for (FormDef fd : pd.forms()) {
                SampleForm f = build(ord, pd, fd, counts[ord], nowSec);
                pageForms.add(f);
                forms.add(f);
                formsById.put(f.id(), f);
                ord++;
            }
            SamplePage page = new SamplePage(pd.id(), pd.name(), pd.category(), pageForms);
            built.add(page);
            pagesById.put(page.id(), page);
        }
        this.pages = List.copyOf(built);
        this.lastAddedEpoch = nowSec;
    }

    /** The data for a seed and a lead total, relative to {@code now}. */
    public static SampleDataset generate(long seed, int leads, Instant now) {
        if (leads < 0) {
            throw new IllegalArgumentException("leads must be >= 0");
        }
        return new SampleDataset(seed, leads, now);
    }

    private static int[] distribute(int total, List<FormDef> defs) {
        int[] out = new int[defs.size()];
        long weightSum = defs.stream().mapToLong(d -> d.weight).sum();
        long assigned = 0;
        double[] rem = new double[defs.size()];
        for (int i = 0; i < out.length; i++) {
            double exact = (double) total * defs.get(i).weight / weightSum;
            out[i] = (int) Math.floor(exact);
            rem[i] = exact - out[i];
            assigned += out[i];
        }
        while (assigned < total) { // largest remainder
            int best = -1;
            for (int i = 0; i < out.length; i++) {
                if (defs.get(i).weight > 0 && (best < 0 || rem[i] > rem[best])) {
                    best = i;
                }
            }
            out[best]++;
            rem[best] = -1;
            assigned++;
        }
        return out;
    }

    private SampleForm build(int ord, PageDef pd, FormDef fd, int count, long nowSec) {
        String formId = String.valueOf(914_200_000_000_000L + (ord + 1) * 7_001L);
        List<Q> qs = new ArrayList<>();
        for (int i = 0; i < fd.questions.size(); i++) {
            QDef q = fd.questions.get(i);
            String prefix = "{\"name\":" + Json.str(q.key()) + ",\"values\":[";
            qs.add(new Q(String.valueOf(1_300_000_000_000_000L + ord * 1_000L + i * 7L + 1), q.key(), q.label(),
                    q.type(), q.options(), q.answer(), prefix));
        }
        long adBase = 120_226_800_000_000_000L + ord * 10_000_000L;
        Map<String, String> campaignIds = SampleCatalog.idsFor(fd.ads.stream().map(AdDef::campaign).toList(),
                adBase + 1_000_000L);
        Map<String, String> adsetIds = SampleCatalog.idsFor(fd.ads.stream().map(a -> a.campaign() + '\u0000'
                + a.adset()).toList(), adBase + 2_000_000L);
        List<Ad> ads = new ArrayList<>();
        for (int i = 0; i < fd.ads.size(); i++) {
            AdDef a = fd.ads.get(i);
            ads.add(new Ad("\"ad_id\":\"" + (adBase + 3_000_000L + i * 7_919L) + '"',
                    "\"ad_name\":" + Json.str(a.ad()),
                    "\"adset_id\":\"" + adsetIds.get(a.campaign() + '\u0000' + a.adset()) + '"',
                    "\"adset_name\":" + Json.str(a.adset()),
                    "\"campaign_id\":\"" + campaignIds.get(a.campaign()) + '"',
                    "\"campaign_name\":" + Json.str(a.campaign())));
        }
        long start = nowSec - fd.spanStartDaysAgo * 86_400L;
        long end = nowSec - fd.spanEndDaysAgo * 86_400L - 120; // newest sample lead: two minutes before now
        long created = nowSec - fd.createdDaysAgo * 86_400L - 3_607L * (ord + 1);
        return new SampleForm(ord, formId, pd.id(), pd.name(), fd.name, fd.status, fd.locale, created, qs,
                fd.disclaimer, fd.privacyUrl, fd.privacyText, fd.organicPct, fd.igPct, ads, seed, count, start, end,
                fd.expiredPct);
    }

    public long seed() {
        return seed;
    }

    /** The fixed "now" the data is relative to (the server's start time). */
    public Instant now() {
        return now;
    }

    /** Pages in the order /me/accounts lists them. */
    public List<SamplePage> pages() {
        return pages;
    }

    /** The page, or null. */
    public SamplePage page(String pageId) {
        return pagesById.get(pageId);
    }

    /** Forms of a page (empty for an unknown page). */
    public List<SampleForm> forms(String pageId) {
        SamplePage p = pagesById.get(pageId);
        return p == null ? List.of() : p.forms();
    }

    /** Every form of every page. */
    public List<SampleForm> allForms() {
        return Collections.unmodifiableList(forms);
    }

    /** The form, or null. */
    public SampleForm form(String formId) {
        return formsById.get(formId);
    }

    private SampleForm requireForm(String formId) {
        SampleForm f = formsById.get(formId);
        if (f == null) {
            throw new IllegalArgumentException("no such sample form: " + formId);
        }
        return f;
    }

    /** Leads the server serves for the form right now (its leads_count). */
    public long leadCount(String formId) {
        return requireForm(formId).leadCount();
    }

    public long totalLeadCount() {
        long n = 0;
        for (SampleForm f : forms) {
            n += f.leadCount();
        }
        return n;
    }

    private int checkIndex(SampleForm f, int index) {
        if (index < 0 || index >= f.count()) {
            throw new IndexOutOfBoundsException("lead index " + index + " of form " + f.id() + " with "
                    + f.count() + " leads");
        }
        return index;
    }

    /** The id of lead {@code index} (0 = oldest). */
    public String leadId(String formId, int index) {
        SampleForm f = requireForm(formId);
        return String.valueOf(f.leadIdNumber(checkIndex(f, index)));
    }

    /** Unix seconds of lead {@code index}. */
    public long leadCreatedEpochSecond(String formId, int index) {
        SampleForm f = requireForm(formId);
        return f.createdEpoch(checkIndex(f, index));
    }

    /** Lead {@code index} exactly as served when every field is asked for ({@link #ALL_LEAD_FIELDS}). */
    public String leadJson(String formId, int index) {
        return leadJson(formId, index, ALL_LEAD_FIELDS);
    }

    /**
     * Lead {@code index} exactly as the server writes it inside {@code data} for this {@code fields} parameter
     * (null = Graph's default set: created_time, id, field_data).
     */
    public String leadJson(String formId, int index, String fields) {
        SampleForm f = requireForm(formId);
        StringBuilder sb = new StringBuilder(512);
        f.appendLead(sb, checkIndex(f, index), leadFieldMask(fields));
        return sb.toString();
    }

    /**
     * Makes {@code n} new leads appear at the top of a form (newer than every existing lead of every form; each call
     * gets a strictly later created_time). Returns their ids, oldest first.
     */
    public List<String> addLeads(String formId, int n) {
        SampleForm f = requireForm(formId);
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0");
        }
        long t = nextAddedEpoch();
        return f.add(n, t).stream().map(String::valueOf).toList();
    }

    /** Adds {@code n} new leads to every ACTIVE form; returns how many were added in total. */
    public int addLeadsEverywhere(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0");
        }
        long t = nextAddedEpoch();
        int total = 0;
        for (SampleForm f : forms) {
            if ("ACTIVE".equals(f.status())) {
                f.add(n, t);
                total += n;
            }
        }
        return total;
    }

    /**
     * {@code n} leads arrive in the form now (the server's arrivals while a client pages): created at the current
     * second, or with the newest lead added so far when the clock has not moved on, so times never go backwards.
     */
    synchronized void arrive(SampleForm form, int n) {
        lastAddedEpoch = Math.max(Instant.now().getEpochSecond(), lastAddedEpoch);
        form.add(n, lastAddedEpoch);
    }

    /**
     * One lead arrives in the form at {@code epoch} (the trickle's arrivals): created then, or with the newest lead
     * added so far when that is later, so times never go backwards.
     */
    synchronized void arriveAt(SampleForm form, long epoch) {
        lastAddedEpoch = Math.max(epoch, lastAddedEpoch);
        form.add(1, lastAddedEpoch);
    }

    private synchronized long nextAddedEpoch() {
        long wall = Instant.now().getEpochSecond();
        lastAddedEpoch = Math.max(wall, lastAddedEpoch + 1);
        return lastAddedEpoch;
    }

    /** A lead by id: its form and index, or null. */
    LeadRef findLead(String leadId) {
        long id;
        try {
            id = Long.parseLong(leadId);
        } catch (NumberFormatException e) {
            return null;
        }
        long rel = id - SampleForm.LEAD_ID_BASE;
        if (rel < SampleForm.LEAD_ID_FORM_STRIDE) {
            return null;
        }
        long ord = rel / SampleForm.LEAD_ID_FORM_STRIDE - 1;
        if (ord < 0 || ord >= forms.size()) {
            return null;
        }
        SampleForm f = forms.get((int) ord);
        int index = f.indexOf(id);
        return index < 0 ? null : new LeadRef(f, index);
    }

    record LeadRef(SampleForm form, int index) {
    }

    /**
     * The field mask of a {@code fields} parameter; nested selections ({@code field_data{name,values}}) are
     * accepted and ignored.
     *
     * @throws IllegalArgumentException naming the first field Graph would not know
     */
    static int leadFieldMask(String fields) {
        if (fields == null || fields.isBlank()) {
            return SampleForm.DEFAULT_FIELDS;
        }
        int mask = 0;
        for (String f : topLevelFields(fields)) {
            mask |= switch (f) {
                case "id" -> SampleForm.F_ID;
                case "created_time" -> SampleForm.F_CREATED_TIME;
                case "ad_id" -> SampleForm.F_AD_ID;
                case "ad_name" -> SampleForm.F_AD_NAME;
                case "adset_id" -> SampleForm.F_ADSET_ID;
                case "adset_name" -> SampleForm.F_ADSET_NAME;
                case "campaign_id" -> SampleForm.F_CAMPAIGN_ID;
                case "campaign_name" -> SampleForm.F_CAMPAIGN_NAME;
                case "form_id" -> SampleForm.F_FORM_ID;
                case "field_data" -> SampleForm.F_FIELD_DATA;
                case "custom_disclaimer_responses" -> SampleForm.F_DISCLAIMER;
                case "is_organic" -> SampleForm.F_IS_ORGANIC;
                case "platform" -> SampleForm.F_PLATFORM;
                default -> {
                    if (LEAD_FIELDS_ABSENT.contains(f)) {
                        yield 0;
                    }
                    throw new IllegalArgumentException(f);
                }
            };
        }
        return mask;
    }

    /** Top-level names of a Graph {@code fields} parameter, in order, without nested selections. */
    static List<String> topLevelFields(String fields) {
        List<String> out = new ArrayList<>();
        if (fields == null) {
            return out;
        }
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < fields.length(); i++) {
            char c = fields.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0) {
                if (c == ',') {
                    add(out, cur);
                } else {
                    cur.append(c);
                }
            }
        }
        add(out, cur);
        return out;
    }

    private static void add(List<String> out, StringBuilder cur) {
        String s = cur.toString().trim();
        int dot = s.indexOf('.'); // field.limit(10) style modifiers
        if (dot > 0) {
            s = s.substring(0, dot);
        }
        if (!s.isEmpty() && !out.contains(s)) {
            out.add(s);
        }
        cur.setLength(0);
    }
}
