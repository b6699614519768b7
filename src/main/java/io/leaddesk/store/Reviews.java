package io.leaddesk.store;

import java.sql.PreparedStatement;
import java.util.Objects;

/** The agency's own review of a lead (status and note), kept apart from synced data so a resync never touches it. */
final class Reviews {

    private final Database db;

    Reviews(Database db) {
        this.db = db;
    }

    void setReview(String leadId, ReviewStatus status, String note) {
        Objects.requireNonNull(status, "status");
        int n = db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO reviews(lead_id, status, note, updated_at)
                    SELECT id, ?, ?, ? FROM leads WHERE id = ?
                    ON CONFLICT(lead_id) DO UPDATE SET status = excluded.status, note = excluded.note,
                                                       updated_at = excluded.updated_at""")) {
                ps.setString(1, status.wireName());
                ps.setString(2, note == null || note.isBlank() ? null : note);
                ps.setLong(3, System.currentTimeMillis());
                ps.setString(4, leadId);
                return ps.executeUpdate();
            }
        });
        if (n == 0) {
            throw new StoreException("There is no lead " + leadId + " in the lead cache; sync its form first.");
        }
    }
}
