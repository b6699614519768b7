package io.leaddesk.export;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Phone numbers in E.164 (libphonenumber). A number written with its country code ({@code +380 50 123 45 67}) is
 * converted as is; a national number ({@code 050 123 45 67}) needs a region: the lead's country answer (an ISO 3166
 * alpha-2 code such as "UA", or a country name in English, Ukrainian, Russian, German, French, Spanish, Portuguese,
 * Italian, Polish, Turkish or Indonesian), else the default region from the settings. A number that does not parse or
 * is not a valid number of its region gives "" (an empty cell), never a guess. Thread-safe.
 */
public final class PhoneNormalizer {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Set<String> REGIONS = UTIL.getSupportedRegions();
    private static final Map<String, String> REGION_BY_NAME = buildNames();

    private final String defaultRegion;

    /** @param defaultRegion ISO 3166 alpha-2, or null for none */
    public PhoneNormalizer(String defaultRegion) {
        this.defaultRegion = defaultRegion == null || defaultRegion.isBlank() ? null : defaultRegion.strip().toUpperCase(Locale.ROOT);
        if (this.defaultRegion != null && !REGIONS.contains(this.defaultRegion)) {
            throw new IllegalArgumentException("Unknown default region '" + defaultRegion + "': use a two-letter country code such as UA.");
        }
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    /** E.164 of {@code phone}, or "" when it cannot be made one. */
    public String e164(String phone, String countryAnswer) {
        PhoneNumber n = parse(phone, countryAnswer);
        return n == null ? "" : UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    /** Key for dedupe: E.164 when the number is valid, else its digits only ("" when it has none). */
    public String dedupeKey(String phone, String countryAnswer) {
        String e = e164(phone, countryAnswer);
        if (!e.isEmpty()) {
            return e;
        }
        StringBuilder sb = new StringBuilder();
        if (phone != null) {
            for (int i = 0; i < phone.length(); i++) {
                char c = phone.charAt(i);
                if (c >= '0' && c <= '9') {
                    sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    /** ISO region for a country answer ("UA", "ua", "Ukraine", "Україна", "Украина"), or null. */
    public static String regionOf(String countryAnswer) {
        if (countryAnswer == null) {
            return null;
        }
        String s = countryAnswer.strip();
        if (s.isEmpty()) {
            return null;
        }
        if (s.length() == 2) {
            String code = s.toUpperCase(Locale.ROOT);
            if (REGIONS.contains(code)) {
                return code;
            }
        }
        return REGION_BY_NAME.get(s.toLowerCase(Locale.ROOT));
    }

    private PhoneNumber parse(String phone, String countryAnswer) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String region = regionOf(countryAnswer);
        if (region == null) {
            region = defaultRegion;
        }
        try {
            PhoneNumber n = UTIL.parse(phone, region == null ? "ZZ" : region);
            return UTIL.isValidNumber(n) ? n : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    private static Map<String, String> buildNames() {
        Map<String, String> m = new HashMap<>();
        String[] langs = {"en", "uk", "ru", "de", "fr", "es", "pt", "it", "pl", "tr", "id"};
        for (String region : REGIONS) {
            Locale country = new Locale("", region);
            for (String lang : langs) {
                String name = country.getDisplayCountry(Locale.forLanguageTag(lang));
                if (name != null && !name.isBlank() && !name.equals(region)) {
                    m.putIfAbsent(name.toLowerCase(Locale.ROOT), region);
                }
            }
        }
        return Map.copyOf(m);
    }
}
