package io.leaddesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The search box also finds the agency's review notes. Notes are not in the full-text index (a note changes while the
 * lead does not, and the index is written by the sync): the few leads that have a note are read and matched here,
 * word by word as the full-text index matches ({@link SearchText#matchesWords}: every word of the search is the start
 * of a word of the note, ignoring case and accents), and their row ids are added to the search's matches.
 */
final class NoteSearch {

    private NoteSearch() {
    }

    /**
     * The row ids (as a JSON array) of the leads whose note matches {@code query}'s search, or null when the query has
     * no search or no note matches.
     */
    static String matches(Connection c, LeadQuery query) throws SQLException {
        if (!query.hasSearch()) {
            return null;
        }
        List<String> words = SearchText.words(query.search());
        if (words.isEmpty()) {
            return null;
        }
        StringBuilder ids = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT l.rowid, r.note FROM reviews r JOIN leads l ON l.id = r.lead_id"
                + " WHERE r.note IS NOT NULL AND r.note <> ''");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (SearchText.matchesWords(rs.getString(2), words)) {
                    ids = ids == null ? new StringBuilder("[") : ids.append(',');
                    ids.append(rs.getLong(1));
                }
            }
        }
        return ids == null ? null : ids.append(']').toString();
    }
}
