package io.leaddesk.graph;

import okhttp3.HttpUrl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/** Paging of plain lists (/me/accounts, /leadgen_forms): every result page, guarded against Graph's paging loops. */
final class ListPager {
    private ListPager() {
    }

    /**
     * The raw elements of every result page from {@code first} on.
     *
     * @param abortInFlight whether {@code cancelled} also ends a request while it waits for the server
     */
    static List<String> listAll(GraphCaller caller, GraphUrls urls, HttpUrl first, AccessToken token, String endpoint,
                                BooleanSupplier cancelled, boolean abortInFlight) {
        List<String> items = new ArrayList<>();
        Set<String> seenUrls = new HashSet<>();
        Set<String> seenAfters = new HashSet<>();
        int emptyRun = 0;
        HttpUrl url = first;
        while (url != null && seenUrls.add(url.toString())) {
            GraphCaller.checkCancelled(cancelled);
            PageParsers.RawPage page = abortInFlight
                    ? caller.getAbortable(url, token, endpoint, PageParsers::raw, cancelled)
                    : caller.get(url, token, endpoint, PageParsers::raw, cancelled, RetryListener.NONE);
            items.addAll(page.items());
            emptyRun = page.items().isEmpty() ? emptyRun + 1 : 0;
            if (page.next() == null || emptyRun >= GraphClient.MAX_EMPTY_PAGES
                    || (page.after() != null && !seenAfters.add(page.after()))) {
                break;
            }
            url = urls.followable(page.next());
        }
        return items;
    }
}
